import { PUBLIC_FIGURES_MIN_SAMPLE, type PublicStationFigures } from '@citycare/shared';
import { hours, percent } from '../staff/figures';

// How the station page tells residents what the station did in the last 30 days.

export interface RecordTile {
  label: string;
  value: string;
}

export interface StationRecord {
  /** "受理 12 件 · 办结 11 件 · 评价 8 条", or that nothing was reported. */
  summary: string;
  /** 办结率, 满意率, 平均受理; none when nothing was reported. */
  tiles: RecordTile[];
  /** Why a rate shows "—": too few cases or ratings behind it yet. */
  note: string | null;
}

export function stationRecord(f: PublicStationFigures): StationRecord {
  const tiles = [
    { label: '办结率', value: percent(f.closureRate) },
    { label: '满意率', value: percent(f.satisfactionRate) },
    { label: '平均受理', value: hours(f.avgAcceptHours) },
  ];
  if (f.received === 0) return { summary: '暂无报事', tiles: [], note: null };
  const hidden = f.closureRate === null || f.satisfactionRate === null || f.avgAcceptHours === null;
  return {
    summary: `受理 ${f.received} 件 · 办结 ${f.closed} 件 · 评价 ${f.ratings} 条`,
    tiles,
    note: hidden ? `满 ${PUBLIC_FIGURES_MIN_SAMPLE} 件报事（满意率：${PUBLIC_FIGURES_MIN_SAMPLE} 条评价）后显示比率` : null,
  };
}
