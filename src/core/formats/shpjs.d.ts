/** Minimal typings for shpjs 6 (its own package ships none; @types/shpjs is for v3). */
declare module 'shpjs' {
  import type { FeatureCollection, Geometry } from 'geojson';

  export type ShpCollection = FeatureCollection<Geometry | null> & { fileName?: string };

  /** Reads a zipped Shapefile (one or more layers; .prj reprojects to WGS84, .cpg sets the encoding). */
  export function parseZip(
    buffer: ArrayBuffer | Uint8Array,
    whiteList?: string[],
  ): Promise<ShpCollection | ShpCollection[]>;

  const getShapefile: (
    base: ArrayBuffer | Uint8Array | string,
  ) => Promise<ShpCollection | ShpCollection[]>;
  export default getShapefile;
}
