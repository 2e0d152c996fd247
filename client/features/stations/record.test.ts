// The station page's 近 30 天办理情况: counts always, a rate only once enough stands behind it.
import type { PublicStationFigures } from '@citycare/shared';
import { stationRecord } from './record';

const figures = (over: Partial<PublicStationFigures>): PublicStationFigures => ({
  stationId: 's1',
  from: '2026-11-01',
  to: '2026-11-30',
  received: 12,
  closed: 11,
  ratings: 8,
  closureRate: 0.9167,
  satisfactionRate: 1,
  avgAcceptHours: 1.24,
  ...over,
});

describe('stationRecord', () => {
  test('when every rate is there, then the counts, the three rates and no note', () => {
    expect(stationRecord(figures({}))).toEqual({
      summary: '受理 12 件 · 办结 11 件 · 评价 8 条',
      tiles: [
        { label: '办结率', value: '91.7%' },
        { label: '满意率', value: '100.0%' },
        { label: '平均受理', value: '1.2 小时' },
      ],
      note: null,
    });
  });

  test('when too few ratings stand behind 满意率, then it shows — and the note says when it will show', () => {
    const record = stationRecord(figures({ ratings: 3, satisfactionRate: null }));
    expect(record.tiles[1]).toEqual({ label: '满意率', value: '—' });
    expect(record.note).toBe('满 5 件报事（满意率：5 条评价）后显示比率');
  });

  test('when nothing was reported, then it says so, with no rates and no note', () => {
    const record = stationRecord(figures({ received: 0, closed: 0, ratings: 0, closureRate: null, satisfactionRate: null, avgAcceptHours: null }));
    expect(record).toEqual({ summary: '暂无报事', tiles: [], note: null });
  });
});
