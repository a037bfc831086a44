/**
 * zod schemas of WGS84 GeoJSON features as the app keeps them (imported layers, stored in
 * IndexedDB): a position is 2 or 3 finite numbers with lon in [-180, 180] and lat in [-90, 90];
 * a LineString has at least 2 positions; a Polygon ring at least 4. Used to check what comes back
 * from storage before it reaches the map or the worker; a feature that fails is left out, never
 * cast.
 */
import type { Feature, Geometry } from 'geojson';
import { z } from 'zod';

const coord = z.number().finite();
export const positionSchema = z
  .array(coord)
  .min(2)
  .max(3)
  .refine((p) => Math.abs(p[0] as number) <= 180 && Math.abs(p[1] as number) <= 90, {
    message: 'position out of range (lon -180..180, lat -90..90)',
  });
const line = z.array(positionSchema).min(2);
const ring = z.array(positionSchema).min(4);
const polygon = z.array(ring).min(1);

const simpleGeometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Point'), coordinates: positionSchema }),
  z.object({ type: z.literal('MultiPoint'), coordinates: z.array(positionSchema) }),
  z.object({ type: z.literal('LineString'), coordinates: line }),
  z.object({ type: z.literal('MultiLineString'), coordinates: z.array(line) }),
  z.object({ type: z.literal('Polygon'), coordinates: polygon }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(polygon) }),
]);

export const geometrySchema = z.union([
  simpleGeometry,
  z.object({ type: z.literal('GeometryCollection'), geometries: z.array(simpleGeometry) }),
]);

/** A Feature with a geometry (not null), properties an object or null, id a string or number. */
export const featureSchema = z.object({
  type: z.literal('Feature'),
  id: z.union([z.string(), z.number()]).optional(),
  geometry: geometrySchema,
  properties: z.record(z.string(), z.unknown()).nullable(),
});

/** Checks one feature; returns it typed, or the first reason it is not a valid feature. */
export function checkFeature(value: unknown): { ok: Feature<Geometry> } | { error: string } {
  const r = featureSchema.safeParse(value);
  if (r.success) return { ok: r.data as Feature<Geometry> };
  const first = r.error.issues[0];
  const at = first?.path.length ? `${first.path.map(String).join('.')}: ` : '';
  return { error: `${at}${first?.message ?? 'not a GeoJSON feature'}` };
}
