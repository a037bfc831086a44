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
      },
      standards.thresholds,
      published.published,
    );
    const pc = rows.find((r) => r.indicator === 'park_green_per_capita');
    expect(pc).toMatchObject({ value: null, rating: 'n/a' });
    expect(pc?.basis).toEqual({ kind: 'no_population' });
  });
});
