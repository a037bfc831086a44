/**
 * Units of measured lengths and areas, and the automatic choice. 1 亩 (mu) = 10,000/15 m²
 * (about 666.67 m²: 15 亩 = 1 公顷), 1 公顷 (hectare) = 10,000 m². Pure.
 */
export const LENGTH_UNITS = ['m', 'km'] as const;
export type LengthUnit = (typeof LENGTH_UNITS)[number];
export const AREA_UNITS = ['m2', 'km2', 'mu', 'ha'] as const;
export type AreaUnit = (typeof AREA_UNITS)[number];

export const M_PER_UNIT: Record<LengthUnit, number> = { m: 1, km: 1000 };
export const M2_PER_UNIT: Record<AreaUnit, number> = {
  m2: 1,
  km2: 1_000_000,
  mu: 10_000 / 15,
  ha: 10_000,
};

export const toLength = (metres: number, unit: LengthUnit): number => metres / M_PER_UNIT[unit];
export const toArea = (squareMetres: number, unit: AreaUnit): number =>
  squareMetres / M2_PER_UNIT[unit];

/** Metres below 1 km, else km. */
export function autoLengthUnit(metres: number): LengthUnit {
  return metres < 1000 ? 'm' : 'km';
}

/** m² below 1 公顷 (10,000 m²), 公顷 below 1 km², else km². */
export function autoAreaUnit(squareMetres: number): AreaUnit {
  if (squareMetres < 10_000) return 'm2';
  if (squareMetres < 1_000_000) return 'ha';
  return 'km2';
}

/** Decimals to show a measured value with: about four significant figures, none past 1,000. */
export function displayDecimals(value: number): number {
  const v = Math.abs(value);
  if (v >= 1000 || v === 0) return 0;
  if (v >= 100) return 1;
  if (v >= 10) return 2;
  return 3;
}
