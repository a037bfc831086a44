import { describe, expect, it } from 'vitest';
import {
  declaredCrsName,
  fromWebMercator,
  isLonLatName,
  isWebMercatorName,
  looksLikeWebMercator,
  WEB_MERCATOR_MAX,
} from '../../../src/core/formats/mercator.ts';

describe('Web Mercator', () => {
  it('converts known points (EPSG:3857 reference values)', () => {
    // x = R * lon(rad); y = R * ln(tan(pi/4 + lat/2)), R = 6378137 (independent forward formula).
    const R = 6378137;
    const fwd = (lon: number, lat: number) => [
      (R * lon * Math.PI) / 180,
      R * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)),
    ];
    for (const [lon, lat] of [
      [116.6564, 39.9097],
      [-73.9857, 40.7484],
      [0, 0],
      [179.9, -84.9],
    ] as const) {
      const [x, y] = fwd(lon, lat) as [number, number];
      const [l, b] = fromWebMercator(x, y);
      expect(l).toBeCloseTo(lon, 9);
      expect(b).toBeCloseTo(lat, 9);
    }
    expect(fromWebMercator(WEB_MERCATOR_MAX, 0)[0]).toBeCloseTo(180, 9);
    // Beijing sub-center in metres, as the issue reports it.
    const [lon, lat] = fromWebMercator(13363000, 3787000);
    expect(lon).toBeCloseTo(120.0419, 3);
    expect(lat).toBeCloseTo(32.1803, 3);
  });

  it('recognises names', () => {
    expect(isWebMercatorName('urn:ogc:def:crs:EPSG::3857')).toBe(true);
    expect(isWebMercatorName('EPSG:900913')).toBe(true);
    expect(isWebMercatorName('WGS_1984_Web_Mercator_Auxiliary_Sphere')).toBe(true);
    expect(isWebMercatorName('EPSG:4326')).toBe(false);
    expect(isLonLatName('urn:ogc:def:crs:OGC:1.3:CRS84')).toBe(true);
    expect(isLonLatName('EPSG:4326')).toBe(true);
    expect(isLonLatName('EPSG:4490')).toBe(false);
    expect(declaredCrsName({ type: 'name', properties: { name: 'EPSG:3857' } })).toBe('EPSG:3857');
    expect(declaredCrsName('EPSG:3857')).toBeNull();
  });

  it('looks at coordinates', () => {
    expect(looksLikeWebMercator([[13363000, 3787000]])).toBe(true);
    expect(looksLikeWebMercator([[116.6, 39.9]])).toBe(false);
    expect(looksLikeWebMercator([[500000, 4400000]])).toBe(true);
    expect(looksLikeWebMercator([[13363000, 3.0e7]])).toBe(false); // outside the square
    expect(looksLikeWebMercator([])).toBe(false);
  });
});
