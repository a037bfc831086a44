/**
 * Display positions for points that share one location (e.g. every city-level project sits at
 * its city's seat): they are fanned out on rings around the shared spot so each can be seen and
 * clicked. Display only: the data, the exports and the analytics keep the true coordinates.
 */
export interface Positioned {
  id: string;
  lon: number;
  lat: number;
}

const METRES_PER_DEGREE = 111_320;

export function fanOut(
  items: readonly Positioned[],
  stepMetres = 1200,
): Map<string, [number, number]> {
  const groups = new Map<string, Positioned[]>();
  for (const it of items) {
    const key = `${it.lon.toFixed(6)},${it.lat.toFixed(6)}`;
    const g = groups.get(key);
    if (g) g.push(it);
    else groups.set(key, [it]);
  }
  const out = new Map<string, [number, number]>();
  for (const group of groups.values()) {
    const first = group[0] as Positioned;
    if (group.length === 1) {
      out.set(first.id, [first.lon, first.lat]);
      continue;
    }
    // Stable order so a point keeps its place between renders.
    const sorted = [...group].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const cosLat = Math.max(Math.cos((first.lat * Math.PI) / 180), 0.05);
    let ring = 1;
    let index = 0;
    let slots = 8;
    for (const it of sorted) {
      if (index === slots) {
        ring++;
        index = 0;
        slots = 8 * ring;
      }
      const angle = (2 * Math.PI * index) / slots + (ring % 2 ? 0 : Math.PI / slots);
      const r = ring * stepMetres;
      out.set(it.id, [
        first.lon + (r * Math.sin(angle)) / (METRES_PER_DEGREE * cosLat),
        first.lat + (r * Math.cos(angle)) / METRES_PER_DEGREE,
      ]);
      index++;
    }
  }
  return out;
}
