import { describe, expect, it } from 'vitest';
import { polygonArea } from '../../../src/core/analytics/area.ts';
import { lineLength } from '../../../src/core/analytics/length.ts';
import { measure } from '../../../src/core/measure/measure.ts';
import {
  autoAreaUnit,
  autoLengthUnit,
  displayDecimals,
  toArea,
  toLength,
} from '../../../src/core/measure/units.ts';

describe('lineLength (geodesic, WGS84)', () => {
  it('1° of longitude on the equator is 2πa/360 = 111,319.4908 m', () => {
    expect(
      lineLength([
        [0, 0],
        [1, 0],
      ]),
    ).toBeCloseTo((2 * Math.PI * 6378137) / 360, 3);
    expect(
      lineLength([
        [0, 0],
        [1, 0],
      ]),
    ).toBeCloseTo(111_319.4908, 3);
  });
  it('JFK (40.6N 73.8W) to LHR (51.6N 0.5W) is 5,551,759.4003 m (GeographicLib docs example)', () => {
    expect(
      lineLength([
        [-73.8, 40.6],
        [-0.5, 51.6],
      ]),
    ).toBeCloseTo(5_551_759.4003, 3);
  });
  it('adds the segments: there and back is twice the way', () => {
    expect(
      lineLength([
        [0, 0],
        [1, 0],
        [0, 0],
      ]),
    ).toBeCloseTo(2 * 111_319.4908, 3);
  });
  it('is 0 for no segment', () => {
    expect(lineLength([])).toBe(0);
    expect(lineLength([[116, 40]])).toBe(0);
  });
});

describe('area of a 1 km x 1 km square', () => {
  // On the equator: 1 km of longitude is 1000/111,319.4908°; 1 km of latitude 1000/110,574.2727°
  // (the meridian's degree at the equator, a(1-e²)·π/180).
  const dx = 1000 / 111_319.4908;
  const dy = 1000 / 110_574.2727;
  const square = [
    [0, 0],
    [dx, 0],
    [dx, dy],
    [0, dy],
    [0, 0],
  ];
  it('is 1,000,000 m² (to 0.01 %) = 1,500 亩 = 100 公顷 = 1 km²', () => {
    const a = polygonArea([square]);
    expect(Math.abs(a - 1e6) / 1e6).toBeLessThan(1e-4);
    expect(toArea(1e6, 'mu')).toBeCloseTo(1500, 9);
    expect(toArea(1e6, 'ha')).toBe(100);
    expect(toArea(1e6, 'km2')).toBe(1);
    expect(toArea(666.67, 'mu')).toBeCloseTo(1, 4);
  });
});

describe('units', () => {
  it('converts lengths', () => {
    expect(toLength(1234, 'km')).toBe(1.234);
    expect(toLength(1234, 'm')).toBe(1234);
  });
  it('chooses m below 1 km, then km', () => {
    expect(autoLengthUnit(999.9)).toBe('m');
    expect(autoLengthUnit(1000)).toBe('km');
  });
  it('chooses m² below 1 ha, ha below 1 km², then km²', () => {
    expect(autoAreaUnit(9_999)).toBe('m2');
    expect(autoAreaUnit(10_000)).toBe('ha');
    expect(autoAreaUnit(999_999)).toBe('ha');
    expect(autoAreaUnit(1_000_000)).toBe('km2');
  });
  it('shows about four significant figures', () => {
    expect(displayDecimals(1500)).toBe(0);
    expect(displayDecimals(123.4)).toBe(1);
    expect(displayDecimals(12.34)).toBe(2);
    expect(displayDecimals(1.234)).toBe(3);
  });
});

describe('measure (what the map tool shows)', () => {
  // A 1 km x 1 km square on the equator (see above): perimeter 4 km, area 1,500 亩.
  const dx = 1000 / 111_319.4908;
  const dy = 1000 / 110_574.2727;
  const pts = [
    [0, 0],
    [dx, 0],
    [dx, dy],
    [0, dy],
  ];
  it('area: the polygon closed back to its first point', () => {
    const m = measure('area', pts);
    expect(m.metres).toBeCloseTo(4000, 0);
    expect(Math.abs(toArea(m.squareMetres ?? 0, 'mu') - 1500)).toBeLessThan(0.15);
  });
  it('distance: the open line', () => {
    expect(measure('distance', pts).metres).toBeCloseTo(3000, 0);
    expect(measure('distance', pts).squareMetres).toBeNull();
  });
  it('an area of fewer than three points has no area yet', () => {
    expect(measure('area', pts.slice(0, 2)).squareMetres).toBeNull();
    expect(measure('area', pts.slice(0, 2)).metres).toBeCloseTo(2000, 0);
  });
});
