import type { HotlineImportReport } from '@citycare/shared';
import { rejectedRowsCsv } from './hotline-report';

const FILE = [
  'hotlineId,category,text,address,lat,lng',
  'H-1,clutter,楼道堆物,嘉麟社区,32.53,120.45',
  'H-2,nonsense,"两行的",嘉麟社区,32.53,120.45',
  'H-3,clutter,"说明跨',
  '两行",平桥村,32.55,120.48',
  'H-4,clutter,重复的,平桥村,32.55,120.48',
  '',
].join('\r\n');

const report: HotlineImportReport = {
  imported: 1,
  duplicates: 1,
  rejected: 2,
  rows: [
    { row: 2, hotlineId: 'H-1', result: 'imported', reason: null },
    { row: 3, hotlineId: 'H-2', result: 'rejected', reason: '问题类型不存在' },
    { row: 4, hotlineId: 'H-3', result: 'rejected', reason: '坐标缺失, 请补充' },
    { row: 6, hotlineId: 'H-4', result: 'duplicate', reason: null },
  ],
};

describe('rejectedRowsCsv', () => {
  test('when two rows were rejected (one spanning two lines), then the header and exactly those rows come back with their reasons', () => {
    const csv = rejectedRowsCsv(`\uFEFF${FILE}`, report);
    expect(csv.startsWith('\uFEFFhotlineId,category,text,address,lat,lng,reason\r\n')).toBe(true);
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')).toEqual([
      'hotlineId,category,text,address,lat,lng,reason',
      'H-2,nonsense,"两行的",嘉麟社区,32.53,120.45,问题类型不存在',
      'H-3,clutter,"说明跨',
      '两行",平桥村,32.55,120.48,"坐标缺失, 请补充"',
      '',
    ]);
  });

  test('when nothing was rejected, then only the header', () => {
    const none = { ...report, rejected: 0, rows: report.rows.filter((r) => r.result !== 'rejected') };
    expect(rejectedRowsCsv(FILE, none)).toBe('\uFEFFhotlineId,category,text,address,lat,lng,reason\r\n');
  });
});
