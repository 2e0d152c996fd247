import { Text, View } from '@tarojs/components';
import type { Role } from '@citycare/shared';
import ListRow from '../../components/ListRow';
import type { RouteName } from '../../routes';
import { go } from '../../services/router';

interface Entry {
  route: RouteName;
  title: string;
  note: string;
}

// 工作台: the staff workspaces, each a page in a staff subpackage. Residents see none of this.
const QUEUE: Entry = { route: 'staffQueue', title: '案件队列', note: '本站待办案件，按紧急程度排序' };
const PATROL: Entry = { route: 'patrol', title: '巡查台账', note: '记录巡查，发现问题一键立案' };
const ENTRIES: Partial<Record<Role, Entry[]>> = {
  officer: [QUEUE, PATROL, { route: 'staffEvents', title: '开放日签到', note: '本站场次的预约名单，扫码签到' }],
  lead: [
    QUEUE,
    PATROL,
    { route: 'staffEvents', title: '开放日管理', note: '活动、场次、预约与签到' },
    { route: 'staffZones', title: '临时摊位区', note: '新增、修改、删除' },
    { route: 'figures', title: '本站数据', note: '三率、受理与办结用时、超期' },
  ],
  secretary: [
    { route: 'managedNotices', title: '社区公告', note: '发布、置顶、撤回，查看阅读数' },
    { route: 'whistle', title: '吹哨报到', note: '向工作站反映社区问题并跟进' },
    { route: 'figures', title: '社区数据', note: '本社区的三率' },
  ],
};

/** The 工作台 section of 我的, for officers, leads and secretaries only. */
export default function StaffEntries({ role }: { role: Role }) {
  const entries = ENTRIES[role];
  if (!entries) return null;
  return (
    <View className="section" data-testid="workbench">
      <Text className="section__title">工作台</Text>
      {entries.map((entry) => (
        <ListRow key={entry.route} title={entry.title} note={entry.note} arrow testId={`workbench-${entry.route}`} onClick={() => void go(entry.route as 'staffQueue')} />
      ))}
    </View>
  );
}
