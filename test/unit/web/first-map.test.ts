import type { Map as MapLibreMap } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import {
  afterFirstIdle,
  afterFirstMap,
  FIRST_MAP_MARK,
  firstIdleSeen,
  markFirstMap,
} from '../../../src/web/map/first-map.ts';
import { LAYER } from '../../../src/web/map/ids.ts';

/** Just enough of a MapLibre map: layers present, features "rendered", idle listeners. */
function fakeMap(layers: string[]) {
  const listeners = new Set<() => void>();
  let rendered: string[] = [];
  const map = {
    on: (_: string, f: () => void) => listeners.add(f),
    off: (_: string, f: () => void) => listeners.delete(f),
    getLayer: (id: string) => (layers.includes(id) ? { id } : undefined),
    queryRenderedFeatures: (o: { layers: string[] }) =>
      rendered.filter((id) => o.layers.includes(id)).map((id) => ({ layer: { id } })),
  };
  return {
    map: map as unknown as MapLibreMap,
    idle(now: string[]) {
      rendered = now;
      for (const f of [...listeners]) f();
    },
    listening: () => listeners.size,
  };
}

describe('first-map mark', () => {
  it('is set at the first idle with a boundary and a project drawn, once', async () => {
    performance.clearMarks(FIRST_MAP_MARK);
    const m = fakeMap([LAYER.boundaryFill, LAYER.points, LAYER.clusters]);
    markFirstMap(m.map);
    expect(firstIdleSeen()).toBe(false);
    m.idle([]); // the basemap alone
    // The first idle is enough for work that waits for the map to settle (the ledger's rows).
    expect(firstIdleSeen()).toBe(true);
    await afterFirstIdle();
    m.idle([LAYER.boundaryFill]); // boundaries, no projects yet
    m.idle([LAYER.points]); // projects, no boundaries yet
    expect(performance.getEntriesByName(FIRST_MAP_MARK)).toHaveLength(0);
    m.idle([LAYER.boundaryFill, LAYER.clusters]);
    expect(performance.getEntriesByName(FIRST_MAP_MARK)).toHaveLength(1);
    expect(m.listening()).toBe(0);
    await afterFirstMap(); // resolved by the mark, not by its time limit
    m.idle([LAYER.boundaryFill, LAYER.points]);
    expect(performance.getEntriesByName(FIRST_MAP_MARK)).toHaveLength(1);
  });

  it('waits while the project layers are not there yet', () => {
    performance.clearMarks(FIRST_MAP_MARK);
    const m = fakeMap([LAYER.boundaryFill]);
    markFirstMap(m.map);
    m.idle([LAYER.boundaryFill]);
    expect(performance.getEntriesByName(FIRST_MAP_MARK)).toHaveLength(0);
    expect(m.listening()).toBe(1);
  });
});
