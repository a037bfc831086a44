import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  canRate,
  checkGreenData,
  completenessWithPublished,
  statusesAllowedByLayer,
} from '../../../src/core/green/completeness.ts';
import type { GreenData } from '../../../src/core/ledger/model.ts';
import { validateCatalog } from '../../../src/core/ledger/validate.ts';

const catalogJson = JSON.parse(readFileSync('data/catalog.json', 'utf8'));
const green = JSON.parse(readFileSync('data/green_space.geojson', 'utf8')) as {
  features: { properties: { city_id: string; geometry_quality: 'schematic' | 'surveyed' } }[];
};
const parks = green.features.map((f) => f.properties);

const gd = (status: GreenData['status'], n: number): GreenData => ({
  status,
  parks: n,
  missing: { en: 'm', zh: 'm' },
  how_to_add: { en: 'h', zh: 'h' },
  sources: ['data/green_space.geojson'],
});

describe('statusesAllowedByLayer', () => {
  it.each([
    [[], ['none']],
    [['schematic', 'schematic'], ['schematic']],
    [['surveyed', 'schematic'], ['partial']],
    [
      ['surveyed', 'approximate'],
      ['partial', 'complete'],
    ],
  ] as const)('%j -> %j', (qualities, expected) => {
    expect(statusesAllowedByLayer(qualities)).toEqual(expected);
  });
});

describe('the shipped catalogue', () => {
  const catalog = validateCatalog(catalogJson);
  it('validates, every city with its green-data completeness', () => {
    expect(catalog.issues).toEqual([]);
    expect(catalog.value?.cities.every((c) => c.green_data)).toBe(true);
  });
  it('agrees with data/green_space.geojson, and no city claims a complete park layer', () => {
    const cities = catalog.value?.cities ?? [];
    expect(checkGreenData(cities, parks)).toEqual([]);
    const status = Object.fromEntries(cities.map((c) => [c.id, c.green_data.status]));
    expect(status).toMatchObject({
      tongzhou: 'partial', // 1 OSM outline + 4 schematic circles
      jiyuan: 'schematic', // 2 schematic circles
      taixing: 'schematic',
      meihekou: 'schematic',
      shihezi: 'schematic',
      sanhe: 'none',
      alar: 'none',
    });
    expect(cities.filter((c) => canRate(c.green_data.status))).toEqual([]);
  });
});

describe('checkGreenData', () => {
  it('names a city claiming more than its layer holds, and a stale park count', () => {
    const problems = checkGreenData(
      [
        { id: 'jiyuan', green_data: gd('complete', 2) },
        { id: 'taixing', green_data: gd('schematic', 4) },
        { id: 'sanhe', green_data: gd('none', 0) },
      ],
      parks,
    );
    expect(problems).toEqual([
      expect.objectContaining({ city_id: 'jiyuan', field: 'green_data.status' }),
      expect.objectContaining({
        city_id: 'taixing',
        field: 'green_data.parks',
        reason: expect.stringContaining('the park layer has 5'),
      }),
    ]);
  });
});

describe('the catalogue schema', () => {
  it('refuses an incomplete city without what is missing, or "none" with parks', () => {
    const city = catalogJson.cities[4];
    const bad = {
      ...catalogJson,
      cities: [
        { ...city, green_data: { ...city.green_data, missing: null } },
        { ...city, id: 'x', green_data: { ...city.green_data, status: 'none' } },
        { ...city, id: 'y', green_data: { ...city.green_data, sources: ['facts.md'] } },
      ],
    };
    const r = validateCatalog(bad);
    expect(r.value).toBeNull();
    expect(r.issues.map((i) => i.field).sort()).toEqual([
      'cities.0.green_data.missing',
      'cities.1.green_data.parks',
      'cities.2.green_data.sources.0',
    ]);
  });
});

describe('completenessWithPublished', () => {
  it('an administrator-published park layer makes the city complete, citing the layer', () => {
    const out = completenessWithPublished(gd('schematic', 2), {
      city_id: 'jiyuan',
      layer_id: 'parks-jiyuan',
      features: 40,
      updated_by: 'admin',
      updated_at: '2026-11-28T10:00:00.000Z',
    });
    expect(out).toEqual({
      status: 'complete',
      parks: 40,
      missing: null,
      how_to_add: null,
      sources: [
        'published layer parks-jiyuan (admin, 2026-11-28T10:00:00.000Z)',
        'data/green_space.geojson',
      ],
    });
    expect(canRate(out.status)).toBe(true);
  });
});
