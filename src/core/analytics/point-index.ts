/**
 * A static spatial index over points given as typed arrays (KDBush over lon/lat degrees).
 *
 * Points with a non-finite or out-of-range coordinate are left out of the tree and listed in
 * `invalid`, so callers can report them. The whole index (tree + row mapping) lives in ONE
 * ArrayBuffer (`buffer`), which a Worker can transfer and rebuild with `PointIndex.fromBuffer`.
 *
 * Layout: [KDBush data, which must start at byte 0] [Uint32 rows: tree item -> input position]
 * [Uint32 invalid positions] [footer: Uint32 × 4 = MAGIC, kdbush byte length, valid, invalid].
 */
import KDBush from 'kdbush';
import type { BBox } from './types.ts';

const MAGIC = 0x50_4c_54_41; // 'ATLP'
const FOOTER_BYTES = 16;

export function isValidLonLat(lon: number, lat: number): boolean {
  return (
    Number.isFinite(lon) &&
    Number.isFinite(lat) &&
    lon >= -180 &&
    lon <= 180 &&
    lat >= -90 &&
    lat <= 90
  );
}

export class PointIndex {
  /** The KDBush tree over the valid points (item i is input position `rows[i]`). */
  readonly tree: KDBush;
  /** Tree item -> input position. */
  readonly rows: Uint32Array;
  /** Input positions whose coordinates were missing, NaN or out of range. */
  readonly invalid: Uint32Array;
  /** The single transferable buffer holding everything above. */
  readonly buffer: ArrayBuffer;

  private constructor(tree: KDBush, rows: Uint32Array, invalid: Uint32Array, buffer: ArrayBuffer) {
    this.tree = tree;
    this.rows = rows;
    this.invalid = invalid;
    this.buffer = buffer;
  }

  /** Number of indexed (valid) points. */
  get size(): number {
    return this.rows.length;
  }

  /** Number of input points (valid + invalid). */
  get inputSize(): number {
    return this.rows.length + this.invalid.length;
  }

  /** Index `lons[i], lats[i]` (degrees). `nodeSize` is KDBush's leaf size. */
  static build(lons: ArrayLike<number>, lats: ArrayLike<number>, nodeSize = 64): PointIndex {
    if (lons.length !== lats.length) {
      throw new Error(`lons (${lons.length}) and lats (${lats.length}) differ in length`);
    }
    const n = lons.length;
    let valid = 0;
    for (let i = 0; i < n; i++) if (isValidLonLat(lons[i]!, lats[i]!)) valid++;
    const kd = new KDBush(valid, nodeSize, Float64Array);
    const rowsTmp = new Uint32Array(valid);
    const invalidTmp = new Uint32Array(n - valid);
    let v = 0;
    let bad = 0;
    for (let i = 0; i < n; i++) {
      const lon = lons[i]!;
      const lat = lats[i]!;
      if (isValidLonLat(lon, lat)) {
        kd.add(lon, lat);
        rowsTmp[v++] = i;
      } else invalidTmp[bad++] = i;
    }
    kd.finish();
    const kdBytes = kd.data.byteLength;
    const total = kdBytes + 4 * (valid + (n - valid)) + FOOTER_BYTES;
    const buffer = new ArrayBuffer(total);
    new Uint8Array(buffer, 0, kdBytes).set(new Uint8Array(kd.data as ArrayBuffer));
    new Uint32Array(buffer, kdBytes, valid).set(rowsTmp);
    new Uint32Array(buffer, kdBytes + 4 * valid, n - valid).set(invalidTmp);
    new Uint32Array(buffer, total - FOOTER_BYTES, 4).set([MAGIC, kdBytes, valid, n - valid]);
    return PointIndex.fromBuffer(buffer);
  }

  /** Rebuild an index from `index.buffer` (e.g. after a transfer to or from a Worker). */
  static fromBuffer(buffer: ArrayBuffer): PointIndex {
    if (buffer.byteLength < FOOTER_BYTES) throw new Error('Not a PointIndex buffer (too short)');
    const [magic, kdBytes, valid, invalid] = new Uint32Array(
      buffer,
      buffer.byteLength - FOOTER_BYTES,
      4,
    );
    if (magic !== MAGIC) throw new Error('Not a PointIndex buffer (bad magic)');
    const tree = KDBush.from(buffer);
    const rows = new Uint32Array(buffer, kdBytes!, valid!);
    const bad = new Uint32Array(buffer, kdBytes! + 4 * valid!, invalid!);
    return new PointIndex(tree, rows, bad, buffer);
  }

  /** Input positions of the points inside a bbox (edges included), in tree order. */
  range(bbox: BBox): number[] {
    if (this.rows.length === 0) return [];
    const items = this.tree.range(bbox[0], bbox[1], bbox[2], bbox[3]);
    for (let i = 0; i < items.length; i++) items[i] = this.rows[items[i]!]!;
    return items;
  }
}
