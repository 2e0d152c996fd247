import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import RoleGate from '../../components/RoleGate';
import Screen from '../../components/Screen';
import type { RouteName } from '../../routes';
import { routeUrl } from '../../services/router';
import './admin.css';

export type AdminSection = 'adminStations' | 'adminPeople' | 'adminCategories' | 'adminHotline' | 'adminFigures';

const SECTIONS: ReadonlyArray<{ route: AdminSection; label: string }> = [
  { route: 'adminStations', label: '工作站' },
  { route: 'adminPeople', label: '人员任命' },
  { route: 'adminCategories', label: '问题类型' },
  { route: 'adminHotline', label: '12345 导入' },
  { route: 'adminFigures', label: '全市统计' },
];

/** The console's frame (desktop layout): the section list on the left, the page on the right; admins only. */
export default function AdminFrame({ section, title, children }: PropsWithChildren<{ section: AdminSection; title: string }>) {
  return (
    <Screen className="screen--desk" testId={`admin-${section}`}>
      <RoleGate roles={['admin']} back={section as RouteName}>
        <View className="admin">
          <View className="admin__nav">
            <Text className="admin__brand">城管局管理后台</Text>
            {SECTIONS.map((s) => (
              <View
                key={s.route}
                className={`admin__link${s.route === section ? ' admin__link--on' : ''}`}
                data-testid={`admin-nav-${s.route}`}
                onClick={() => void Taro.redirectTo({ url: routeUrl(s.route) })}
              >
                {s.label}
              </View>
            ))}
            <View className="admin__link admin__link--back" onClick={() => void Taro.switchTab({ url: routeUrl('me') })}>
              返回小程序
            </View>
          </View>
          <View className="admin__main">
            <Text className="admin__title">{title}</Text>
            {children}
          </View>
        </View>
      </RoleGate>
    </Screen>
  );
}

/** A titled block of the console. */
export function Panel({ title, note, children, testId }: PropsWithChildren<{ title: string; note?: string; testId?: string }>) {
  return (
    <View className="admin-panel" data-testid={testId}>
      <View className="admin-panel__head">
        <Text className="admin-panel__title">{title}</Text>
        {note && <Text className="muted">{note}</Text>}
      </View>
      {children}
    </View>
  );
}

/** Choose one of a few values: a row of chips. */
export function Chips<K extends string>({ options, value, onChange, testId }: { options: ReadonlyArray<{ key: K; label: string }>; value: K | null; onChange: (key: K) => void; testId?: string }) {
  return (
    <View className="admin-chips" data-testid={testId}>
      {options.map((o) => (
        <View key={o.key} className={`admin-chip${o.key === value ? ' admin-chip--on' : ''}`} data-testid={testId ? `${testId}-${o.key}` : undefined} onClick={() => onChange(o.key)}>
          {o.label}
        </View>
      ))}
    </View>
  );
}

/** A table: a header row and rows of cells (grid columns from `columns`, e.g. "2fr 1fr 1fr"). */
export function Table({ columns, head, children, testId }: PropsWithChildren<{ columns: string; head: string[]; testId?: string }>) {
  return (
    <View className="admin-table" data-testid={testId} style={{ ['--admin-columns' as string]: columns }}>
      <View className="admin-table__row admin-table__row--head">
        {head.map((h) => (
          <Text key={h} className="admin-table__cell">
            {h}
          </Text>
        ))}
      </View>
      {children}
    </View>
  );
}

export function Row({ children, testId, muted }: PropsWithChildren<{ testId?: string; muted?: boolean }>) {
  return (
    <View className={`admin-table__row${muted ? ' admin-table__row--muted' : ''}`} data-testid={testId}>
      {children}
    </View>
  );
}

/** A row's action: a link, red when it takes something away (停用). */
export function ActionLink({ children, danger, testId, onClick }: PropsWithChildren<{ danger?: boolean; testId?: string; onClick: () => void }>) {
  return (
    <Text className={`admin-link${danger ? ' admin-link--danger' : ''}`} data-testid={testId} onClick={onClick}>
      {children}
    </Text>
  );
}

export function Cell({ children }: PropsWithChildren) {
  return <View className="admin-table__cell">{children}</View>;
}
