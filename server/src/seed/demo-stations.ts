// Demo stations for the preview: places around Hai'an named in public news,
// with APPROXIMATE coordinates (GCJ-02) and made-up officers and phone
// numbers. Every record is flagged demo: true and shows a 演示数据 tag.

interface DemoStation {
  name: string;
  community: string;
  address: string;
  lat: number;
  lng: number;
  officers: Array<{ name: string; role: string; duties: string[] }>;
}

const DUTIES_LEAD = ['统筹工作站日常事务', '协调社区重大问题', '组织开放日活动'];
const DUTIES_OFFICER = ['巡查责任片区', '受理居民诉求', '劝导占道经营'];

const officers = (lead: string, officer: string) => [
  { name: lead, role: '带队人员', duties: DUTIES_LEAD },
  { name: officer, role: '城管队员', duties: DUTIES_OFFICER },
];

export const DEMO_CITY = '海安市';

export const DEMO_STATIONS: DemoStation[] = [
  { name: '海安市城管局嘉麟社区工作站', community: '嘉麟社区', address: '海安市城东镇嘉麟社区服务中心一楼', lat: 32.5368, lng: 120.4592, officers: officers('陈志强', '王晓东') },
  { name: '海安市城管局平桥村工作站', community: '平桥村', address: '海安市城东镇平桥村村委会东侧', lat: 32.5551, lng: 120.4872, officers: officers('李建国', '周敏') },
  { name: '海安市城管局城南花苑工作站', community: '城南花苑二期', address: '海安市城南花苑二期北门物业楼', lat: 32.5176, lng: 120.4538, officers: officers('张海峰', '刘婷') },
  { name: '海安市城管局闸东花苑工作站', community: '闸东花苑', address: '海安市闸东花苑 12 幢旁', lat: 32.5302, lng: 120.4751, officers: officers('孙立新', '吴磊') },
  { name: '海安市城管局丹凤小区工作站', community: '丹凤小区', address: '海安市丹凤小区东门警务室隔壁', lat: 32.5439, lng: 120.4448, officers: officers('徐文斌', '朱佳') },
  { name: '海安市城管局凤凰府邸工作站', community: '凤凰府邸', address: '海安市凤凰府邸南门', lat: 32.5247, lng: 120.4389, officers: officers('马俊', '胡静') },
  { name: '海安市城管局翰林苑工作站', community: '翰林苑', address: '海安市翰林苑社区服务站二楼', lat: 32.5489, lng: 120.4663, officers: officers('高明', '林娜') },
  { name: '海安市城管局书香园工作站', community: '书香园', address: '海安市书香园西门', lat: 32.5120, lng: 120.4702, officers: officers('郭涛', '何雪') },
  { name: '海安市城管局中大街工作站', community: '中大街', address: '海安市中大街临时摊位区入口', lat: 32.5334, lng: 120.4526, officers: officers('罗勇', '梁晨') },
  { name: '海安市城管局星湖工作站', community: '星湖社区', address: '海安市星湖 001 临时摊位区旁', lat: 32.5405, lng: 120.4795, officers: officers('宋宇', '郑洁') },
  { name: '海安市城管局财富客厅工作站', community: '财富客厅', address: '海安市财富客厅广场东侧', lat: 32.5211, lng: 120.4634, officers: officers('谢磊', '韩梅') },
  { name: '海安市城管局开发区工作站', community: '开发区社区', address: '海安市开发区管委会南侧', lat: 32.5601, lng: 120.4305, officers: officers('唐杰', '冯雨') },
];

/** Made-up demo phone numbers: 0513-8888 plus a two-digit station number. */
export function demoPhone(index: number): string {
  return `0513-888801${String(index + 1).padStart(2, '0')}`;
}

/** Demo temporary stall zones (临时摊位) at the sites named in the programme, by station index. */
export const DEMO_ZONES = [
  { name: '中大街临时摊位区', stationIndex: 8, lat: 32.5331, lng: 120.4531, address: '海安市中大街东段', hours: '每日 17:00-22:00', stallCount: 24, rules: '限定区域经营，收摊后清扫干净，不得占用盲道' },
  { name: '星湖001临时摊位区', stationIndex: 9, lat: 32.5409, lng: 120.4801, address: '海安市星湖 001 广场北侧', hours: '每日 16:30-21:30', stallCount: 18, rules: '统一摊位、统一标识，严禁油烟直排' },
  { name: '财富客厅临时摊位区', stationIndex: 10, lat: 32.5215, lng: 120.4629, address: '海安市财富客厅广场东侧', hours: '周五至周日 17:00-22:30', stallCount: 30, rules: '文明经营，垃圾分类投放' },
];
