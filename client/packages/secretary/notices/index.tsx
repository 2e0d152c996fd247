import { Text, View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import { usePullRefresh } from '../../../hooks/usePullRefresh';
import type { ManagedNoticeView } from '@citycare/shared';
import { invalidate, queryKeys, useCursorList } from '../../../api';
import { managedNotices } from '../../../api/staff';
import Badge from '../../../components/Badge';
import Button from '../../../components/Button';
import InfiniteList from '../../../components/InfiniteList';
import RoleGate from '../../../components/RoleGate';
import Screen from '../../../components/Screen';
import { useAction } from '../../../hooks/useAction';
import { formatDateTime } from '../../../services/format';
import NoticeComposer from './NoticeComposer';
import NoticeEditSheet from './NoticeEditSheet';
import '../../staff/staff.css';

export default function ManagedNoticesPage() {
  return (
    <RoleGate roles={['secretary']}>
      <ManagedNotices />
    </RoleGate>
  );
}

/** 社区公告 (secretary): write and publish; my community's notices with read counts, pin, withdraw. */
function ManagedNotices() {
  const list = useCursorList(queryKeys.staff.notices(), (cursor) => managedNotices.list(cursor));
  usePullRefresh(list.refresh);
  useReachBottom(() => void list.loadMore());
  return (
    <Screen className="staff" testId="managed-notices">
      <NoticeComposer onPublished={() => void list.refresh()} />
      <View className="section">
        <Text className="section__title">已发布</Text>
        <InfiniteList
          state={list.state}
          testId="managed-notice-list"
          renderItem={(notice) => <ManagedRow notice={notice} />}
          empty={{ title: '还没有发布公告' }}
          onRetry={() => void list.refresh()}
          onLoadMore={() => void list.loadMore()}
        />
      </View>
    </Screen>
  );
}

function ManagedRow({ notice }: { notice: ManagedNoticeView }) {
  const live = !notice.withdrawnAt && !notice.expired;
  const [editing, setEditing] = useState(false);
  const change = useAction(async (what: 'pin' | 'withdraw') => {
    if (what === 'withdraw') {
      const { confirm } = await Taro.showModal({ title: '撤回公告', content: '撤回后居民将看不到这条公告。确定撤回吗？' });
      if (!confirm) return;
      await managedNotices.withdraw(notice.id);
    } else {
      await managedNotices.update(notice.id, { pinned: !notice.pinned });
    }
    invalidate(queryKeys.staff.notices());
    invalidate(queryKeys.notices.all());
  });
  return (
    <View className="staff-item" data-testid="managed-notice" data-id={notice.id}>
      <View className="row row--between">
        <Text className="block">{notice.title}</Text>
        <View>
          {notice.pinned && live && <Badge tone="danger" text="置顶" />}
          {!live && <Badge tone="neutral" text={notice.withdrawnAt ? '已撤回' : '已过期'} testId="managed-notice-state" />}
        </View>
      </View>
      <Text className="muted block" data-testid="managed-notice-reads">
        {formatDateTime(notice.createdAt)} · {notice.readCount} 人已读
      </Text>
      {live && (
        <View className="staff-actions gap-top">
          <Button kind="plain" size="sm" testId="managed-notice-edit" onClick={() => setEditing(true)}>
            修改
          </Button>
          <Button kind="plain" size="sm" loading={change.busy} testId="managed-notice-pin" onClick={() => void change.run('pin')}>
            {notice.pinned ? '取消置顶' : '置顶'}
          </Button>
          <Button kind="danger" size="sm" loading={change.busy} testId="managed-notice-withdraw" onClick={() => void change.run('withdraw')}>
            撤回
          </Button>
        </View>
      )}
      {change.failure && <Text className="message message--error">{change.failure}</Text>}
      {editing && <NoticeEditSheet notice={notice} onClose={() => setEditing(false)} />}
    </View>
  );
}
