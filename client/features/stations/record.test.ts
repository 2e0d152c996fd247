// The station page's 近 30 天办理情况: counts always, each rate only once enough stands behind it.
import type { PublicStationFigures } from '@citycare/shared';
import { stationRecord } from './record';

const figures = (over: Partial<PublicStationFigures>): PublicStationFigures => ({
  stationId: 's1',
  from: '2026-10-31',
  to: '2026-11-29',
  received: 12,
  closed: 11,
  ratings: 8,
  closureRate: 0.9167,
  satisfactionRate: 1,
  avgAcceptHours: 1.24,
  ...over,
});

describe('stationRecord', () => {
  test('when every rate is there, then the days, the counts, the three rates and no note', () => {
    expect(stationRecord(figures({}))).toEqual({
      period: '10-31 至 11-29',
      summary: '接报 12 件 · 办结 11 件 · 评价 8 条',
      tiles: [
        { label: '办结率', value: '91.7%' },
        { label: '满意率', value: '100.0%' },
        { label: '平均受理', value: '1.2 小时' },
      ],
      note: null,
    });
  });

  test('when too few ratings stand behind 满意率, then it and the count of ratings are hidden, and the note names only that rate', () => {
    const record = stationRecord(figures({ ratings: null, satisfactionRate: null }));
    expect(record.summary).toBe('接报 12 件 · 办结 11 件');
    expect(record.tiles[1]).toEqual({ label: '满意率', value: '—' });
    expect(record.note).toBe('满意率满 5 条评价后显示');
  });

  test('when every rate is hidden, then the note gives each reason', () => {
    const record = stationRecord(figures({ received: 3, closed: 1, ratings: null, closureRate: null, satisfactionRate: null, avgAcceptHours: null }));
    expect(record.note).toBe('办结率满 5 件报事后显示；满意率满 5 条评价后显示；平均受理满 5 件已受理后显示');
  });

  test('when nothing was reported, then it says so, with no rates and no note', () => {
    const record = stationRecord(figures({ received: 0, closed: 0, ratings: null, closureRate: null, satisfactionRate: null, avgAcceptHours: null }));
    expect(record).toEqual({ period: '10-31 至 11-29', summary: '暂无报事', tiles: [], note: null });
  });
});
