import type { Role } from '@citycare/shared';

// Demo accounts for the dev login (DEV_LOGIN=1): one per role, flagged demo.
// Staff are tied to the first demo stations by index into DEMO_STATIONS.
export interface DemoUserSeed {
  openid: string;
  name: string;
  role: Role;
  stationIndex?: number;
  community?: string;
}

export const DEMO_USERS: DemoUserSeed[] = [
  { openid: 'demo-resident-1', name: '居民 张阿姨', role: 'resident', community: '嘉麟社区' },
  { openid: 'demo-resident-2', name: '居民 李先生', role: 'resident', community: '平桥村' },
  { openid: 'demo-officer-1', name: '王晓东', role: 'officer', stationIndex: 0 },
  { openid: 'demo-lead-1', name: '陈志强', role: 'lead', stationIndex: 0 },
  { openid: 'demo-officer-2', name: '周敏', role: 'officer', stationIndex: 1 },
  { openid: 'demo-lead-2', name: '李建国', role: 'lead', stationIndex: 1 },
  { openid: 'demo-secretary-1', name: '嘉麟社区 刘书记', role: 'secretary', community: '嘉麟社区' },
  { openid: 'demo-secretary-2', name: '平桥村 赵书记', role: 'secretary', community: '平桥村' },
  { openid: 'demo-admin', name: '城管局 管理员', role: 'admin' },
];
