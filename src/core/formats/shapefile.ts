/**
 * Zipped Shapefiles through shpjs: every layer (.shp + .dbf, optional .prj reprojected to WGS84
 * by proj4, optional .cpg for the attribute encoding) becomes features; several layers are merged
 * in zip order with a warning. shpjs is loaded on first use (it brings proj4).
 */
import { fatalResult, featureResult } from './features.ts';
import { toUint8 } from './text.ts';
import type { Bytes, FormatIssue, LoadOptions, LoadResult } from './types.ts';

export async function loadShapefile(
  bytes: Bytes,
  _name: string,
  options: LoadOptions = {},
): Promise<LoadResult> {
  const crs = options.crs ?? 'wgs84';
  if (typeof bytes === 'string') {
    return fatalResult(
      'shapefile',
      'features',
      { field: 'zip', reason: 'a zipped Shapefile must be read as bytes, not text' },
      crs,
    );
  }
  const data = toUint8(bytes);
  if (!sniffZip(data)) {
    return fatalResult(
      'shapefile',
      'features',
      {
        field: 'zip',
        reason: 'not a zip file (a Shapefile must be zipped with its .shp, .dbf and .prj)',
      },
      crs,
    );
  }
  let layers: Array<{ fileName?: string; features: unknown[] }>;
  try {
    const { parseZip } = await import('shpjs');
    const out = await parseZip(data);
    layers = Array.isArray(out) ? out : [out];
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const reason = /no layers found/.test(message)
      ? 'no .shp file in the zip'
      : `could not read the Shapefile: ${message}`;
    return fatalResult('shapefile', 'features', { field: 'zip', reason }, crs);
  }
  const names = layers.map((l, i) => l.fileName ?? `layer ${i + 1}`);
  const warnings: FormatIssue[] = [];
  if (layers.length > 1) {
    warnings.push({
      field: 'zip',
      reason: `${layers.length} layers (${names.join(', ')}) merged in this order`,
    });
  }
  return featureResult(
    'shapefile',
    layers.flatMap((l) => l.features),
    crs,
    { layers: names },
    warnings,
  );
}

/** A zip starts with a local file header (PK\x03\x04), or PK\x05\x06 when empty. */
export function sniffZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}
