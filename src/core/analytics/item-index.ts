/** A bbox index (Flatbush) over polygon items, and the query used by the overlay callers. */
import Flatbush from 'flatbush';

/** A Flatbush over polygon items' bboxes (null when there are none). */
export function indexItems(items: ReadonlyArray<{ bbox: readonly number[] }>): Flatbush | null {
  if (items.length === 0) return null;
  const tree = new Flatbush(items.length);
  for (const it of items) tree.add(it.bbox[0]!, it.bbox[1]!, it.bbox[2]!, it.bbox[3]!);
  tree.finish();
  return tree;
}

/** The items whose bbox meets `bbox` ([minLon, minLat, maxLon, maxLat]). */
export function itemsNear<T>(
  tree: Flatbush | null,
  items: readonly T[],
  bbox: readonly number[],
): T[] {
  if (!tree) return [];
  return tree.search(bbox[0]!, bbox[1]!, bbox[2]!, bbox[3]!).map((i) => items[i]!);
}

/** The items whose bbox holds the point (lon, lat). */
export function itemsAt<T>(tree: Flatbush | null, items: readonly T[], lon: number, lat: number) {
  return itemsNear(tree, items, [lon, lat, lon, lat]);
}

/** A bbox grown by `metres` in every direction (conservative, in degrees). */
export function expandBBox(
  bbox: readonly number[],
  metres: number,
): [number, number, number, number] {
  // 110,574 m is the shortest degree of latitude (at the equator); 1 % margin.
  const dLat = (metres / 110_574) * 1.01;
  const farLat = Math.min(89, Math.max(Math.abs(bbox[1]!), Math.abs(bbox[3]!)) + dLat);
  const dLon = (metres / (111_320 * Math.cos((farLat * Math.PI) / 180))) * 1.01;
  return [bbox[0]! - dLon, bbox[1]! - dLat, bbox[2]! + dLon, bbox[3]! + dLat];
}
