/**
 * GeoJSON: a FeatureCollection, a single Feature, a bare geometry, or (leniently, with a warning)
 * a JSON array of Features. Malformed JSON is reported with the parser's position as line and
 * column; features with null or invalid geometry are reported by their 0-based position.
 * Web Mercator files (declared by an old-style `crs` member, or evident from the coordinates) are
 * converted with a warning; other declared projections are refused by name (geojson-crs.ts).
 */
import { say } from '../common/messages.ts';
import { fatalResult, featureResult } from './features.ts';
import { featuresFromWebMercator, geoJsonCrs } from './geojson-crs.ts';
import { jsonErrorOffset } from './json-position.ts';
import { GEOMETRY_TYPES } from './rfc7946.ts';
import { decodeText, head, lineColumn } from './text.ts';
import type { Bytes, FormatIssue, LoadOptions, LoadResult } from './types.ts';

/** Where a JSON.parse error happened: V8's "at position N" when given, else our own scanner. */
function syntaxLocation(text: string, message: string): { line: number; column: number } | null {
  const pos = /at position (\d+)/.exec(message);
  const offset = pos ? Number(pos[1]) : jsonErrorOffset(text);
  return offset === null ? null : lineColumn(text, offset);
}

export function loadGeoJson(bytes: Bytes, _name: string, options: LoadOptions = {}): LoadResult {
  const crs = options.crs ?? 'wgs84';
  const { text, encoding } = decodeText(bytes);
  const meta = { encoding };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const at = syntaxLocation(text, message);
    return fatalResult(
      'geojson',
      'features',
      {
        field: 'json',
        ...(at
          ? say('json_malformed_at', { line: at.line, column: at.column, message })
          : say('json_malformed', { message })),
        ...(at ?? {}),
      },
      crs,
      meta,
    );
  }
  const warnings: FormatIssue[] = [];
  const type = json && typeof json === 'object' ? (json as { type?: unknown }).type : undefined;
  let features: unknown[];
  if (Array.isArray(json)) {
    warnings.push({
      field: 'type',
      ...say('json_array'),
    });
    features = json;
  } else if (type === 'FeatureCollection') {
    const list = (json as { features?: unknown }).features;
    if (!Array.isArray(list)) {
      return fatalResult(
        'geojson',
        'features',
        { field: 'features', ...say('json_no_features') },
        crs,
        meta,
      );
    }
    features = list;
  } else if (type === 'Feature') {
    features = [json];
  } else if (typeof type === 'string' && GEOMETRY_TYPES.has(type)) {
    features = [{ type: 'Feature', properties: {}, geometry: json }];
  } else {
    const what =
      json === null || typeof json !== 'object'
        ? `a JSON ${json === null ? 'null' : typeof json}`
        : `type ${JSON.stringify(type ?? null)}`;
    return fatalResult(
      'geojson',
      'features',
      {
        field: 'type',
        ...say('json_not_geojson', { what }),
      },
      crs,
      meta,
    );
  }
  // A declared or evident projection (Web Mercator converted, others refused by name).
  const projection = geoJsonCrs(json, features);
  if (projection.kind === 'refused')
    return fatalResult('geojson', 'features', projection.error, crs, meta);
  if (projection.warning) warnings.push(projection.warning);
  if (projection.kind === 'mercator') features = featuresFromWebMercator(features);
  return featureResult('geojson', features, crs, meta, warnings);
}

export function sniffGeoJson(bytes: Uint8Array): boolean {
  return /^\s*[[{]/.test(head(bytes, 64));
}
