import type { StationSummary } from '@citycare/shared';
import { NearestPicker } from './station-nearest';
import { nearestBody, nearbyJsonHead } from './station-nearest-body';

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

const fullSort = (items: Array<{ id: number; distanceM: number; name: string }>) =>
  [...items].sort((a, b) => a.distanceM - b.distanceM || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

describe('NearestPicker', () => {
  it('when candidates come in any order with tied distances and names, then the picks equal a full sort cut to k', () => {
    const next = random(42);
    for (let round = 0; round < 300; round++) {
      const n = Math.floor(next() * 60);
      const k = 1 + Math.floor(next() * 12);
      // Few distinct distances and names, so ties (and full ties) are common.
      const items = Array.from({ length: n }, (_, id) => ({ id, distanceM: Math.floor(next() * 8) * 100, name: `站${Math.floor(next() * 4)}` }));
      const picker = new NearestPicker<(typeof items)[number]>(k);
      for (const item of items) picker.offer(item, item.distanceM, item.name);
      expect(picker.offered).toBe(n);
      expect(picker.picks().map((p) => p.item.id)).toEqual(fullSort(items).slice(0, k).map((i) => i.id));
      expect(picker.picks().map((p) => p.distanceM)).toEqual(fullSort(items).slice(0, k).map((i) => i.distanceM));
    }
  });

  it('when k is 0, then it keeps nothing but still counts', () => {
    const picker = new NearestPicker<string>(0);
    picker.offer('a', 1, 'a');
    expect(picker.picks()).toEqual([]);
    expect(picker.offered).toBe(1);
  });
});

describe('nearestBody', () => {
  const summary = (i: number): StationSummary => ({
    id: `${i}`.padStart(24, '0'),
    name: `海安市城管局"嘉麟"社区工作站\\${i}`,
    community: '嘉麟社区',
    address: '海安市城东镇 😀 一楼\n',
    lat: 32.5368 + i / 1000,
    lng: -120.4592,
    phone: '0513-88880101',
    openingHours: '周一至周日 8:30-17:30',
    demo: i % 2 === 0,
  });

  it('when built from pre-serialised stations, then it is byte for byte JSON.stringify of the answer', () => {
    for (const n of [0, 1, 3, 10]) {
      const items = Array.from({ length: n }, (_, i) => ({ summary: summary(i), distanceM: i * 1234 }));
      const body = nearestBody(
        items.map((s) => ({ json: nearbyJsonHead(s.summary), distanceM: s.distanceM })),
        n === 3 ? 20015087 : 3000,
      );
      const expected = JSON.stringify({ items: items.map((s) => ({ ...s.summary, distanceM: s.distanceM })), searchedRadiusM: n === 3 ? 20015087 : 3000 });
      expect(body.toString('utf8')).toBe(expected);
      expect(body.length).toBe(Buffer.byteLength(expected));
    }
  });
});
