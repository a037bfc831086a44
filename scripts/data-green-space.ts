/**
 * `npm run data:green`: builds data/green_space.geojson from the hand-made source table
 * data/sources/green_space_sites.csv and the OpenStreetMap outline in data/sources/osm_parks.geojson.
 *
 * - A site whose geometry_source is `osm:way/<id>` takes that OSM polygon (geometry_quality
 *   'surveyed'; © OpenStreetMap contributors, ODbL).
 * - Every other site gets a SCHEMATIC shape: a 64-vertex polygon on a geodesic circle around its
 *   stated centre whose ellipsoidal (WGS84) area equals the stated area to within 0.1 %
 *   (geometry_quality 'schematic'). It shows the size, not the real outline or the real site.
 *
 * Deterministic: same inputs, same bytes out. Areas are never written; the app computes them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';
import Papa from 'papaparse';
import { MASK, WGS84 } from '../src/core/analytics/geodesic.ts';
import { geometryArea } from '../src/core/analytics/index.ts';
import {
  CONFIDENCES,
  type Confidence,
  GREEN_KINDS,
  type GreenKind,
  type GreenSpaceProps,
} from '../src/core/ledger/model.ts';

const root = resolve(import.meta.dirname, '..');
const SITES = join(root, 'data/sources/green_space_sites.csv');
const OSM = join(root, 'data/sources/osm_parks.geojson');
const OUT = join(root, 'data/green_space.geojson');

const VERTICES = 64;
const DIGITS = 7; // ~1 cm
const TOLERANCE = 0.001; // 0.1 %

interface SiteRow {
  id: string;
  name_zh: string;
  name_en: string;
  city_id: string;
  kind: string;
  opened_year: string;
  stated_area_m2: string;
  centre_lon: string;
  centre_lat: string;
  centre_how: string;
  geometry_source: string;
  source: string;
  confidence: string;
  note: string;
}

function fail(message: string): never {
  console.error(`data:green: ${message}`);
  process.exit(1);
}

const round = (x: number) => Number(x.toFixed(DIGITS));

/** A closed ring of VERTICES points at geodesic distance `radius` (m) from the centre. */
function circleRing(lon: number, lat: number, radius: number): Position[] {
  const ring: Position[] = [];
  for (let i = 0; i < VERTICES; i++) {
    // Counter-clockwise (RFC 7946 exterior ring): azimuth goes from east towards north.
    const azimuth = 90 - (360 * i) / VERTICES;
    const r = WGS84.Direct(lat, lon, azimuth, radius, MASK.LATITUDE | MASK.LONGITUDE);
    ring.push([round(r.lon2 ?? lon), round(r.lat2 ?? lat)]);
  }
  ring.push([ring[0]![0]!, ring[0]![1]!]);
  return ring;
}

/** The schematic circle whose ellipsoidal area matches `area` (m²) within TOLERANCE. */
function schematicCircle(lon: number, lat: number, area: number): Polygon {
  let radius = Math.sqrt(area / Math.PI);
  for (let step = 0; step < 50; step++) {
    const polygon: Polygon = { type: 'Polygon', coordinates: [circleRing(lon, lat, radius)] };
    const got = geometryArea(polygon);
    if (Math.abs(got - area) / area <= TOLERANCE / 10) return polygon;
    radius *= Math.sqrt(area / got);
  }
  const polygon: Polygon = { type: 'Polygon', coordinates: [circleRing(lon, lat, radius)] };
  const got = geometryArea(polygon);
  if (Math.abs(got - area) / area > TOLERANCE) fail(`circle of ${area} m² did not converge`);
  return polygon;
}

function num(value: string, field: string, id: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n))
    fail(`${id}: ${field} "${value}" is not a number`);
  return n;
}

const parsed = Papa.parse<SiteRow>(readFileSync(SITES, 'utf8').replace(/^\uFEFF/, ''), {
  header: true,
  skipEmptyLines: 'greedy',
});
if (parsed.errors.length) fail(`${SITES}: ${parsed.errors[0]!.message}`);

const osm = JSON.parse(readFileSync(OSM, 'utf8')) as FeatureCollection<
  Polygon,
  { osm_type: string; osm_id: string }
>;
const osmById = new Map(
  osm.features.map((f) => [`osm:${f.properties.osm_type}/${f.properties.osm_id}`, f]),
);

const features: Feature<Polygon, GreenSpaceProps>[] = [];
const report: string[] = [];
for (const row of parsed.data) {
  const id = row.id.trim();
  if (!GREEN_KINDS.includes(row.kind as GreenKind)) fail(`${id}: unknown kind "${row.kind}"`);
  if (!CONFIDENCES.includes(row.confidence as Confidence)) {
    fail(`${id}: unknown confidence "${row.confidence}"`);
  }
  const stated = num(row.stated_area_m2, 'stated_area_m2', id);
  const lon = num(row.centre_lon, 'centre_lon', id);
  const lat = num(row.centre_lat, 'centre_lat', id);
  const base = {
    id,
    name_zh: row.name_zh,
    name_en: row.name_en,
    city_id: row.city_id,
    kind: row.kind as GreenKind,
    opened_year: row.opened_year.trim() === '' ? null : num(row.opened_year, 'opened_year', id),
    stated_area_m2: stated,
    source: row.source,
    confidence: row.confidence as Confidence,
  };
  let geometry: Polygon;
  let props: GreenSpaceProps;
  if (row.geometry_source.startsWith('osm:')) {
    const f = osmById.get(row.geometry_source);
    if (!f) fail(`${id}: ${row.geometry_source} is not in ${OSM}`);
    geometry = f.geometry;
    props = {
      ...base,
      geometry_quality: 'surveyed',
      note:
        `Outline from OpenStreetMap ${row.geometry_source.slice(4)} (© OpenStreetMap contributors, ODbL). ` +
        row.note,
    };
  } else if (row.geometry_source === 'circle') {
    geometry = schematicCircle(lon, lat, stated);
    props = {
      ...base,
      geometry_quality: 'schematic',
      note: `Schematic circle of the stated area around ${row.centre_how}; real outline unknown. ${row.note}`,
    };
  } else {
    fail(`${id}: geometry_source "${row.geometry_source}" is neither osm:<type>/<id> nor circle`);
  }
  const area = geometryArea(geometry);
  report.push(
    `${id.padEnd(34)} ${props.geometry_quality.padEnd(9)} stated ${String(stated).padStart(9)} m²  computed ${area.toFixed(0).padStart(9)} m²  (${(((area - stated) / stated) * 100).toFixed(3)} %)`,
  );
  features.push({ type: 'Feature', id, properties: props, geometry });
}

const out = {
  type: 'FeatureCollection',
  metadata: {
    generated_by: 'scripts/data-green-space.ts (npm run data:green)',
    inputs: ['data/sources/green_space_sites.csv', 'data/sources/osm_parks.geojson'],
    sources:
      'Each feature names its source (a URL from the project facts sheet); areas were converted from the stated units (1 mu = 666.667 m², 1 ha = 10,000 m², 1 km² = 1,000,000 m²).',
    schematic:
      "Features with geometry_quality 'schematic' are NOT real outlines: each is a 64-vertex geodesic circle whose WGS84 ellipsoidal area equals the stated area (within 0.1 %), centred on the point named in its note. Where the site is unknown that point is the city seat, so several circles overlap there.",
    surveyed:
      "The feature with geometry_quality 'surveyed' is an OpenStreetMap outline (way 779532223): © OpenStreetMap contributors, ODbL (https://www.openstreetmap.org/copyright), via github.com/cocyuhao/park-commercial-site-selection-simulation (commit ef2bbac89fc0bfe6e534dbf49e767e810bf1b657).",
    licence:
      'OpenStreetMap-derived geometry: Open Database License (ODbL) 1.0, attribution "© OpenStreetMap contributors, ODbL". Other content: project data, facts cited per feature.',
    datum_note:
      'lon/lat WGS84. OSM geometry is WGS84. Schematic circles are centred on facts-sheet coordinates whose datum is not stated (Chinese web sources are often GCJ-02, offset ~100–700 m).',
    area_note:
      'Areas are computed (geodesic, WGS84 ellipsoid), never stored; stated_area_m2 is the figure a source states, for comparison.',
  },
  features,
};
writeFileSync(OUT, `${JSON.stringify(out, null, 1)}\n`);
for (const line of report) console.log(line);
console.log(`data:green: wrote ${features.length} features to ${OUT}`);
