import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  indicatorsSchema,
  standardsSchema,
  type Threshold,
} from '../../../src/core/green/model.ts';
import { rate, scorecard } from '../../../src/core/green/scorecard.ts';

const t = (level: 'high' | 'minimum', op: '>=' | '>', value: number): Threshold => ({
  indicator: 'park_coverage',
  standard_en: level,
  standard_zh: level,
  op,
  value,
  level,
  source: 's',
  confidence: 'stated',
});

describe('rate', () => {
  const ts = [t('high', '>=', 0.9), t('minimum', '>', 0.8)];
  it.each([
    [0.95, 'high'],
    [0.9, 'high'],
    [0.85, 'minimum'],
    [0.8, 'below'], // "> 80 %" is strict
    [0.1, 'below'],
    [null, 'n/a'],
  ] as const)('%s -> %s', (v, expected) => {
    expect(rate(v, ts)).toBe(expected);
  });
  it('has no rating without thresholds', () => expect(rate(0.5, [])).toBe('n/a'));
  it.each(['partial', 'schematic', 'none'] as const)(
    'does not rate from a %s park layer, high or low',
    (status) => {
      expect(rate(0.0021, ts, status)).toBe('insufficient');
      expect(rate(0.95, ts, status)).toBe('insufficient');
      expect(rate(null, ts, status)).toBe('insufficient');
    },
  );
});

describe('scorecard', () => {
  const standards = standardsSchema.parse(JSON.parse(readFileSync('data/standards.json', 'utf8')));
  const published = indicatorsSchema.parse(
    JSON.parse(readFileSync('data/indicators.json', 'utf8')),
  );

  it('computes per-capita green from population, names its basis, and lists published figures', () => {
    const rows = scorecard(
      {
        city_id: 'tongzhou',
        area_m2: 906e6,
        green_m2: 18.4e6,
        coverage: 0.1234,
        rule: 'gbt50563',
        denominator: 'region',
        population: 1_840_295,
        population_year: 2020,
        green_data: 'complete',
      },
      standards.thresholds,
      published.published,
    );
    const pc = rows.find((r) => r.indicator === 'park_green_per_capita');
    expect(pc?.value).toBeCloseTo(18.4e6 / 1_840_295, 6); // ≈ 10.0 m² per person
    expect(pc?.rating).toBe('minimum'); // > 8.0 (GB 55014) but < 14.8 (ecological garden city)
    expect(pc?.published.map((p) => p.value)).toEqual([18.11]);
    const cov = rows.find((r) => r.indicator === 'park_coverage');
    expect(cov?.rating).toBe('below');
    expect(cov?.basis).toEqual({ kind: 'coverage', rule: 'gbt50563', denominator: 'region' });
    expect(cov?.published.map((p) => p.year)).toEqual([2022, 2017]);
    expect(rows.find((r) => r.indicator === 'green_share')?.value).toBeCloseTo(18.4 / 906, 9);
  });

  it('leaves per-capita empty (n/a) when the population is unknown', () => {
    const rows = scorecard(
      {
        city_id: 'sanhe',
        area_m2: 635e6,
        green_m2: 0,
        coverage: 0,
        rule: 'walk:500',
        denominator: 'region',
        population: null,
        population_year: null,
        green_data: 'complete',
      },
      standards.thresholds,
      published.published,
    );
    const pc = rows.find((r) => r.indicator === 'park_green_per_capita');
    expect(pc).toMatchObject({ value: null, rating: 'n/a' });
    expect(pc?.basis).toEqual({ kind: 'no_population' });
  });

  it('Jiyuan (2 schematic parks, 0.21 %): not enough data to rate, no ✓/✗, no published figure', () => {
    const rows = scorecard(
      {
        city_id: 'jiyuan',
        area_m2: 1_894e6,
        green_m2: 1_885_667,
        coverage: 0.0021,
        rule: 'gbt50563',
        denominator: 'region',
        population: 727_265,
        population_year: 2020,
        green_data: 'schematic',
      },
      standards.thresholds,
      published.published,
    );
    expect(rows.map((r) => r.rating)).toEqual(['insufficient', 'insufficient', 'insufficient']);
    // The computed value is kept (shown as what the incomplete layer gives), never compared.
    expect(rows[0]?.value).toBe(0.0021);
    expect(rows.flatMap((r) => r.thresholds.map((t) => t.met))).toEqual(
      rows.flatMap((r) => r.thresholds.map(() => null)),
    );
    expect(rows.flatMap((r) => r.published)).toEqual([]);
  });

  it('Tongzhou (partial layer): not rated, its published 87.33 % (2022) and 70.6 % (2017) first', () => {
    const rows = scorecard(
      {
        city_id: 'tongzhou',
        area_m2: 906e6,
        green_m2: 18.4e6,
        coverage: 0.1234,
        rule: 'walk:500',
        denominator: 'region',
        population: 1_840_295,
        population_year: 2020,
        green_data: 'partial',
      },
      standards.thresholds,
      published.published,
    );
    const cov = rows.find((r) => r.indicator === 'park_coverage');
    expect(cov?.rating).toBe('insufficient');
    expect(cov?.published.map((p) => [p.value, p.year])).toEqual([
      [0.8733, 2022],
      [0.706, 2017],
    ]);
  });
});
