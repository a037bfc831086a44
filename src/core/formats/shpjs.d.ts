/** Minimal typings for shpjs 6 (its own package ships none; @types/shpjs is for v3). */
declare module 'shpjs' {
  import type { FeatureCollection, Geometry } from 'geojson';

  export type ShpCollection = FeatureCollection<Geometry | null> & { fileName?: string };

  /** Reads a zipped Shapefile (one or more layers; .prj reprojects to WGS84, .cpg sets the encoding). */
  export function parseZip(
    buffer: ArrayBuffer | Uint8Array,
    whiteList?: string[],
  ): Promise<ShpCollection | ShpCollection[]>;

  /**
   * The geometries of a .shp, one per record (null for null shapes). A `prj` (WKT) reprojects
   * to WGS84 with proj4; a prj proj4 cannot read is ignored without a word.
   */
  export function parseShp(
    shp: DataView | ArrayBuffer | Uint8Array,
    prj?: string,
  ): Array<(Geometry & { bbox?: number[] }) | null>;

  const getShapefile: (
    base: ArrayBuffer | Uint8Array | string,
  ) => Promise<ShpCollection | ShpCollection[]>;
  export default getShapefile;
}
