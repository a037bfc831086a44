import { describe, expect, it } from 'vitest';
import { fanOut } from '../../src/web/map/fan-out.ts';

const metres = (a: [number, number], b: [number, number]) => {
  const lat = ((a[1] + b[1]) / 2) * (Math.PI / 180);
  const dx = (a[0] - b[0]) * 111_320 * Math.cos(lat);
  const dy = (a[1] - b[1]) * 111_320;
  return Math.hypot(dx, dy);
};

describe('fanOut', () => {
  it('leaves lone points where they are', () => {
    const out = fanOut([
      { id: 'a', lon: 112.6, lat: 35.07 },
      { id: 'b', lon: 112.7, lat: 35.07 },
    ]);
    expect(out.get('a')).toEqual([112.6, 35.07]);
    expect(out.get('b')).toEqual([112.7, 35.07]);
  });

  it('spreads co-located points on rings, each distinct, within a few hundred metres', () => {
    const seat: [number, number] = [120.0289, 32.1589];
    const items = Array.from({ length: 20 }, (_, i) => ({
      id: `p${i}`,
      lon: seat[0],
      lat: seat[1],
    }));
    const out = fanOut(items, 250);
    const positions = [...out.values()];
    expect(new Set(positions.map((p) => p.join(','))).size).toBe(20);
    const d = positions.map((p) => metres(p, seat));
    // 8 on the first ring (250 m), 12 on the second (500 m).
    expect(d.filter((x) => Math.abs(x - 250) < 3)).toHaveLength(8);
    expect(d.filter((x) => Math.abs(x - 500) < 5)).toHaveLength(12);
  });

  it('is stable whatever the input order', () => {
    const a = [
      { id: 'x', lon: 1, lat: 1 },
      { id: 'y', lon: 1, lat: 1 },
    ];
    expect(fanOut(a).get('x')).toEqual(fanOut([...a].reverse()).get('x'));
  });
});
