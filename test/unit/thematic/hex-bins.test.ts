/**
 * H3 binning against known answers: points placed at the centres of chosen cells (so their cell
 * is known without binning), sums with "not stated" values, the zoom -> resolution rule checked
 * against H3's published average edge lengths, and the cap on the number of hexagons.
 */
import { cellArea, cellToLatLng, getHexagonEdgeLengthAvg, gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import {
  cellAreaM2,
  hexBins,
  hexValues,
  resolutionForZoom,
} from '../../../src/core/thematic/hex-bins.ts';
import { H3_EDGE_M } from '../../../src/core/thematic/hex-resolution.ts';
import { binPoints, hexagonMap } from '../../../src/core/thematic/thematic-map.ts';

/** The centre cell over Tongzhou at resolution 8 and its six neighbours. */
const CENTRE = latLngToCell(39.9, 116.65, 8);
const RING = gridDisk(CENTRE, 1).filter((c) => c !== CENTRE);

function at(cells: string[]) {
  const ll = cells.map((c) => cellToLatLng(c));
  return {
    lats: Float64Array.from(ll, (p) => p[0]),
    lons: Float64Array.from(ll, (p) => p[1]),
  };
}

describe('hexBins', () => {
  it('counts the points of each cell (3 in the centre, 1 in each of two neighbours)', () => {
    const { lons, lats } = at([CENTRE, RING[0]!, CENTRE, RING[1]!, CENTRE]);
    const b = hexBins(lons, lats, 8);
    expect(b.cells).toEqual([CENTRE, RING[0], RING[1]]);
    expect([...b.counts]).toEqual([3, 1, 1]);
    expect(b.skipped).toBe(0);
  });

  it('sums a column, counting NaN as not stated; a cell with only blanks has no value', () => {
    const { lons, lats } = at([CENTRE, CENTRE, RING[0]!, CENTRE]);
    const weights = Float64Array.from([5, Number.NaN, Number.NaN, 7]);
    const b = hexBins(lons, lats, 8, { weights });
    expect([...b.sums]).toEqual([12, 0]);
    expect([...b.missing]).toEqual([1, 1]);
    const v = hexValues(b, 'sum');
    expect(v[0]).toBe(12);
    expect(v[1]).toBeNaN();
  });

  it('bins only the given positions and skips points with no usable coordinates', () => {
    const { lons, lats } = at([CENTRE, RING[0]!, CENTRE]);
    const b = hexBins(
      Float64Array.from([...lons, Number.NaN]),
      Float64Array.from([...lats, 1]),
      8,
      {
        indices: Uint32Array.from([1, 2, 3]),
      },
    );
    expect(b.cells).toEqual([RING[0], CENTRE]);
    expect(b.skipped).toBe(1);
  });

  it('per km²: the count over the cell’s ellipsoidal area (H3’s own, spherical, within 0.5 %)', () => {
    const { lons, lats } = at([CENTRE, CENTRE]);
    const b = hexBins(lons, lats, 8);
    const km2 = cellAreaM2(CENTRE) / 1e6;
    expect(Math.abs(km2 / cellArea(CENTRE, 'km2') - 1)).toBeLessThan(0.005);
    expect(hexValues(b, 'density')[0]).toBeCloseTo(2 / km2, 9);
  });

  it('empty input: no cell', () => {
    const b = hexBins(new Float64Array(0), new Float64Array(0), 8);
    expect(b.cells).toEqual([]);
    expect(
      hexagonMap({ lons: b.counts, lats: b.counts }, 'count', 8, {
        method: 'quantile',
        classes: 5,
      }).geojson,
    ).toBe('{"type":"FeatureCollection","features":[]}');
  });
});

describe('H3_EDGE_M (the page’s copy of H3’s edge lengths)', () => {
  it('equals h3-js getHexagonEdgeLengthAvg at every resolution', () => {
    expect(H3_EDGE_M.map((_, r) => getHexagonEdgeLengthAvg(r, 'm'))).toEqual([...H3_EDGE_M]);
  });
});

describe('resolutionForZoom', () => {
  it('picks the hexagon whose edge is nearest 14 px at that zoom', () => {
    // Zoom 11 at 40° N: 40,075,016.686 × cos 40° / (512 × 2¹¹) = 29.28 m/px, 14 px = 410 m;
    // H3 edges: res 8 = 531 m, res 9 = 201 m: log-nearest is 8.
    expect(getHexagonEdgeLengthAvg(8, 'm')).toBeCloseTo(531.414, 2);
    expect(resolutionForZoom(11, 40)).toBe(8);
    // Each zoom step halves the metres per pixel; √7 ≈ 2.65 per resolution: zoom 14 -> res 10.
    expect(resolutionForZoom(14, 40)).toBe(10);
    expect(resolutionForZoom(2, 40)).toBe(3);
    expect(resolutionForZoom(22, 40)).toBe(12);
  });
});

describe('binPoints caps the hexagons', () => {
  it('steps down a resolution until the cells fit', () => {
    const { lons, lats } = at([CENTRE, ...RING]);
    expect(binPoints({ lons, lats }, 'count', 8, 100).resolution).toBe(8);
    const b = binPoints({ lons, lats }, 'count', 8, 3);
    expect(b.resolution).toBeLessThan(8);
    expect(b.cells.length).toBeLessThanOrEqual(3);
    expect([...b.counts].reduce((a, c) => a + c, 0)).toBe(7);
  });
});

describe('hexagonMap', () => {
  it('writes each cell with its value and class, and centres weighted 0..1 for a heatmap', () => {
    const { lons, lats } = at([CENTRE, CENTRE, CENTRE, RING[0]!]);
    const m = hexagonMap({ lons, lats }, 'count', 8, { method: 'jenks', classes: 3 });
    const fc = JSON.parse(m.geojson) as {
      features: Array<{ properties: Record<string, unknown>; geometry: { type: string } }>;
    };
    expect(fc.features.map((f) => [f.properties.id, f.properties.v, f.properties.c])).toEqual([
      [CENTRE, 3, 1],
      [RING[0], 1, 0],
    ]);
    expect(fc.features[0]!.geometry.type).toBe('Polygon');
    const h = hexagonMap({ lons, lats }, 'count', 8, {
      method: 'jenks',
      classes: 3,
      as: 'centres',
    });
    const hc = JSON.parse(h.geojson) as typeof fc;
    expect(hc.features.map((f) => f.properties.w)).toEqual([1, 1 / 3]);
    expect(hc.features[0]!.geometry.type).toBe('Point');
  });
});
