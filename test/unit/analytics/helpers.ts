/**
 * Test helpers for the analytics: fixtures (deep-frozen, so a mutation fails loudly), expected
 * outputs with a REGEN=1 switch (Turf style), and independent reference formulas.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { expect } from 'vitest';
import type { PointSet } from '../../../src/core/analytics/index.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures');

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * Skip and repair reasons as the CLI prints them: without the code and params the app words them
 * from (core/common/messages.ts), so a test of the English compares the English alone.
 */
export function english<T extends object>(list: readonly T[]): Omit<T, 'code' | 'params'>[] {
  return list.map((x) => {
    const { code: _c, params: _p, ...rest } = x as T & { code?: unknown; params?: unknown };
    return rest;
  });
}

/** test/fixtures/in/<name>.geojson, parsed and deep-frozen. */
export function loadIn(name: string): FeatureCollection<Geometry | null> {
  const text = readFileSync(join(FIXTURES, 'in', `${name}.geojson`), 'utf8');
  return deepFreeze(JSON.parse(text) as FeatureCollection<Geometry | null>);
}

function closeTo(actual: unknown, expected: unknown, path: string): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    const tol = Math.max(1e-6, Math.abs(expected) * 1e-9);
    if (!(Math.abs(actual - expected) <= tol)) {
      expect.fail(`${path}: ${actual} differs from expected ${expected}`);
    }
    return;
  }
  if (expected && typeof expected === 'object' && actual && typeof actual === 'object') {
    expect(Object.keys(actual).sort(), `${path} keys`).toEqual(Object.keys(expected).sort());
    for (const [k, v] of Object.entries(expected)) {
      closeTo((actual as Record<string, unknown>)[k], v, `${path}.${k}`);
    }
    return;
  }
  expect(actual, path).toEqual(expected);
}

/**
 * Compares `actual` with test/fixtures/out/<name>.json (numbers to 1e-9 relative); with REGEN=1
 * in the environment, rewrites the file instead.
 */
export function matchOut(name: string, actual: unknown): void {
  const dir = join(FIXTURES, 'out');
  const file = join(dir, `${name}.json`);
  const plain = JSON.parse(JSON.stringify(actual)) as unknown;
  if (process.env.REGEN === '1' || !existsSync(file)) {
    if (process.env.REGEN !== '1' && process.env.CI) expect.fail(`missing expected output ${file}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, `${JSON.stringify(plain, null, 2)}\n`);
    return;
  }
  closeTo(plain, JSON.parse(readFileSync(file, 'utf8')), name);
}

/** WGS84 constants, written out here so the reference formulas do not share code with src/. */
export const A = 6378137;
export const F = 1 / 298.257223563;
export const B = A * (1 - F);
const E2 = F * (2 - F);
const E = Math.sqrt(E2);
const DEG = Math.PI / 180;

/** F(φ) = sinφ/(2(1−e²sin²φ)) + (1/(4e)) ln((1+e sinφ)/(1−e sinφ)). */
function authalicF(latDeg: number): number {
  const s = Math.sin(latDeg * DEG);
  return s / (2 * (1 - E2 * s * s)) + (1 / (4 * E)) * Math.log((1 + E * s) / (1 - E * s));
}

/** Exact ellipsoidal area (m²) of a lon/lat cell: Δλ · b² · [F(φ2) − F(φ1)]. */
export function cellArea(lon1: number, lat1: number, lon2: number, lat2: number): number {
  return (lon2 - lon1) * DEG * B * B * (authalicF(lat2) - authalicF(lat1));
}

/**
 * Independent area method: Lambert cylindrical equal-area projection of the ellipsoid
 * (x = λ, y = b²·F(φ), so that dA = dx·dy) and the planar shoelace, with every edge densified
 * into `steps` pieces (straight in lon/lat).
 */
export function equalAreaShoelace(rings: number[][][], steps = 20): number {
  let total = 0;
  rings.forEach((ring, r) => {
    let s = 0;
    for (let i = 0; i + 1 < ring.length; i++) {
      const [x0, y0] = ring[i]!;
      const [x1, y1] = ring[i + 1]!;
      for (let k = 0; k < steps; k++) {
        const ax = x0! + ((x1! - x0!) * k) / steps;
        const ay = y0! + ((y1! - y0!) * k) / steps;
        const bx = x0! + ((x1! - x0!) * (k + 1)) / steps;
        const by = y0! + ((y1! - y0!) * (k + 1)) / steps;
        const [pa, qa] = [ax * DEG, B * B * authalicF(ay)];
        const [pb, qb] = [bx * DEG, B * B * authalicF(by)];
        s += pa * qb - pb * qa;
      }
    }
    total += r === 0 ? Math.abs(s / 2) : -Math.abs(s / 2);
  });
  return total;
}

/** Circle-segment area beyond a chord at distance h from the centre of a circle of radius r. */
export function segmentArea(r: number, h: number): number {
  return r * r * Math.acos(h / r) - h * Math.sqrt(r * r - h * h);
}

/** Area of the lens where two circles of radius r, centres d apart, overlap. */
export function lensArea(r: number, d: number): number {
  return 2 * r * r * Math.acos(d / (2 * r)) - (d / 2) * Math.sqrt(4 * r * r - d * d);
}

/** GeoJSON point features as a PointSet (NaN for a missing location). */
export function pointSet(fc: FeatureCollection<Geometry | null>): PointSet {
  const n = fc.features.length;
  const lons = new Float64Array(n).fill(Number.NaN);
  const lats = new Float64Array(n).fill(Number.NaN);
  fc.features.forEach((f: Feature<Geometry | null>, i) => {
    if (f.geometry?.type === 'Point') {
      lons[i] = f.geometry.coordinates[0]!;
      lats[i] = f.geometry.coordinates[1]!;
    }
  });
  return {
    lons,
    lats,
    properties: fc.features.map((f) => f.properties ?? {}),
    ids: fc.features.map((f, i) => (f.id !== undefined ? f.id : i)),
  };
}

export function feature<G extends Geometry>(geometry: G, id?: string | number): Feature<G> {
  return { type: 'Feature', ...(id !== undefined ? { id } : {}), properties: {}, geometry };
}

/** A deterministic pseudo-random generator (Park–Miller) returning values in (0, 1). */
export function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
}

/** A lon/lat rectangle polygon feature with `id` (also in properties). */
export function rectFeature(id: string, w: number, s: number, e: number, n: number) {
  return {
    type: 'Feature' as const,
    id,
    properties: { id },
    geometry: {
      type: 'Polygon' as const,
      coordinates: [
        [
          [w, s],
          [e, s],
          [e, n],
          [w, n],
          [w, s],
        ],
      ],
    },
  };
}

/** A deep-frozen FeatureCollection of the given features. */
export function frozenCollection(...features: ReturnType<typeof rectFeature>[]): FeatureCollection {
  return deepFreeze({ type: 'FeatureCollection', features });
}
