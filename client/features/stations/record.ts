import { PUBLIC_FIGURES_MIN_SAMPLE, type PublicStationFigures } from '@citycare/shared';
import { hours, percent } from '../../services/format';

// How the station page tells residents what the station did in the last 30 days.

export interface RecordTile {
  label: string;
  value: string;
}

export interface StationRecord {
  /** The days counted: "11-01 至 11-30" (they end yesterday). */
  period: string;
  /** "接报 12 件 · 办结 11 件 · 评价 8 条", or that nothing was reported. */
  summary: string;
  /** 办结率, 满意率, 平均受理; none when nothing was reported. */
  tiles: RecordTile[];
  /** Why each hidden rate shows "—": too few cases, ratings or acceptances behind it yet. */
  note: string | null;
}

const MIN = PUBLIC_FIGURES_MIN_SAMPLE;

export function stationRecord(f: PublicStationFigures): StationRecord {
  const period = `${f.from.slice(5)} 至 ${f.to.slice(5)}`;
  if (f.received === 0) return { period, summary: '暂无报事', tiles: [], note: null };
  const counts = [`接报 ${f.received} 件`, `办结 ${f.closed} 件`, ...(f.ratings === null ? [] : [`评价 ${f.ratings} 条`])];
  const hidden = [
    f.closureRate === null && `办结率满 ${MIN} 件报事后显示`,
    f.satisfactionRate === null && `满意率满 ${MIN} 条评价后显示`,
    f.avgAcceptHours === null && `平均受理满 ${MIN} 件已受理后显示`,
  ].filter((text): text is string => !!text);
  return {
    period,
    summary: counts.join(' · '),
    tiles: [
      { label: '办结率', value: percent(f.closureRate) },
      { label: '满意率', value: percent(f.satisfactionRate) },
      { label: '平均受理', value: hours(f.avgAcceptHours) },
    ],
    note: hidden.length ? hidden.join('；') : null,
  };
}
