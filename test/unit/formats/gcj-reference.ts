/**
 * Reference WGS84 -> GCJ-02 forward transform (the widely published formula, Krasovsky ellipsoid),
 * written out independently of gcoord, to make GCJ-02 test inputs with a known WGS84 answer.
 */
const PI = Math.PI;
const KA = 6378245.0;
const KEE = 0.006693421622965943; // 0.00669342162296594323 as published

function tLat(x: number, y: number) {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * PI) + 20 * Math.sin(2 * x * PI)) * 2) / 3;
  r += ((20 * Math.sin(y * PI) + 40 * Math.sin((y / 3) * PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * PI) + 320 * Math.sin((y * PI) / 30)) * 2) / 3;
  return r;
}

function tLon(x: number, y: number) {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * PI) + 20 * Math.sin(2 * x * PI)) * 2) / 3;
  r += ((20 * Math.sin(x * PI) + 40 * Math.sin((x / 3) * PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * PI) + 300 * Math.sin((x / 30) * PI)) * 2) / 3;
  return r;
}

export function wgsToGcj(lon: number, lat: number): [number, number] {
  const rad = (lat / 180) * PI;
  const s = Math.sin(rad);
  const magic = 1 - KEE * s * s;
  const sq = Math.sqrt(magic);
  const dLat = (tLat(lon - 105, lat - 35) * 180) / (((KA * (1 - KEE)) / (magic * sq)) * PI);
  const dLon = (tLon(lon - 105, lat - 35) * 180) / ((KA / sq) * Math.cos(rad) * PI);
  return [lon + dLon, lat + dLat];
}

/** The published GCJ-02 -> BD-09 (Baidu) formula. */
export function gcjToBd(lon: number, lat: number): [number, number] {
  const xPi = (PI * 3000) / 180;
  const z = Math.sqrt(lon * lon + lat * lat) + 0.00002 * Math.sin(lat * xPi);
  const theta = Math.atan2(lat, lon) + 0.000003 * Math.cos(lon * xPi);
  return [z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006];
}
