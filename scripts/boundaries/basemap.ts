/**
 * The Natural Earth basemap layers (land, countries) from world-atlas TopoJSON: features that
 * touch the box, clipped to it (across the antimeridian too), re-nested, simplified, sorted by
 * id. Pure: topology in.
 */
import { bbox, bboxPolygon, difference, featureCollection, intersect } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature as topoFeature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { unwrapWithCopies } from './antimeridian.ts';
import type { Report } from './config.ts';
import { checkGeometry, finish } from './finish.ts';
import { asGeometry, nestRings, toMulti } from './rings.ts';
import { douglasPeucker } from './simplify.ts';

export type Box = readonly [number, number, number, number];

/** Does a bbox [minX, minY, maxX, maxY] overlap (or touch) the box? */
export function touchesBox(b: readonly number[], box: Box): boolean {
  const [minX, minY, maxX, maxY] = b as [number, number, number, number];
  return !(maxX < box[0] || minX > box[2] || maxY < box[1] || minY > box[3]);
}

/**
 * The polygonal features of `topo.objects[object]` inside `box`, clipped to it and simplified
 * with Douglas–Peucker at `tolerance`. A feature's name is its `name` property, else `kind`;
 * its id the feature's, else its name (with `idSuffix`). `file` names the source in messages.
 * With `except`, the part inside that box is cut away (a coarser layer around a finer one).
 */
export function worldFeatures(
  topo: Topology,
  object: string,
  o: { file: string; kind: string; box: Box; tolerance: number; except?: Box; idSuffix?: string },
  report: Report,
): Feature[] {
  const fc = topoFeature(topo, topo.objects[object] as GeometryCollection) as FeatureCollection;
  const clip = bboxPolygon([...o.box] as [number, number, number, number]);
  const out: Feature[] = [];
  for (const f of fc.features) {
    if (!f.geometry) continue;
    if (!touchesBox(bbox(f), o.box)) continue;
    const unwrapped: Feature<Polygon | MultiPolygon> = {
      type: 'Feature',
      properties: {},
      geometry: { type: 'MultiPolygon', coordinates: unwrapWithCopies(toMulti(f.geometry)) },
    };
    const inBox = intersect(featureCollection([unwrapped, clip]));
    const clipped =
      inBox && o.except
        ? difference(
            featureCollection([
              inBox,
              bboxPolygon([...o.except] as [number, number, number, number]),
            ]),
          )
        : inBox;
    if (!clipped) continue;
    const name = String((f.properties as { name?: string } | null)?.name ?? o.kind);
    const where = `${o.file} ${name}`;
    const multi = nestRings(toMulti(clipped.geometry).flat());
    const result = finish(multi, (r) => douglasPeucker(r, o.tolerance), {
      where,
      keepCollapsed: false,
      warnings: report.warnings,
      notes: report.notes,
    });
    if (result.length === 0) continue;
    checkGeometry(result, where, report.problems);
    out.push({
      type: 'Feature',
      id: `${f.id ?? name}${o.idSuffix ?? ''}`,
      properties: { name },
      geometry: asGeometry(result),
    });
  }
  return out.sort((a, b) => String(a.id).localeCompare(String(b.id)));
}
