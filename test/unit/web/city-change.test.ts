import { beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_FILTERS } from '../../../src/core/ledger/filters.ts';
import type { AtlasData } from '../../../src/core/ledger/load.ts';
import type { Initiative } from '../../../src/core/ledger/model.ts';
import { splitKnownCities } from '../../../src/web/state/city-change.ts';
import { useGreen } from '../../../src/web/state/green-store.ts';
import { useAtlas } from '../../../src/web/state/store.ts';

const row = (id: string, city_id: string) => ({ id, city_id }) as unknown as Initiative;
const DATA = {
  initiatives: [row('tx-1', 'taixing'), row('jy-1', 'jiyuan')],
  green: {
    type: 'FeatureCollection',
    features: [{ properties: { id: 'jy-lake', city_id: 'jiyuan' } }],
  },
} as unknown as AtlasData;

const answer = { lon: 120, lat: 32, rule: 'walk:500', covered: true, parks: [] };

beforeEach(() => {
  useAtlas.setState({
    data: DATA,
    filters: { ...EMPTY_FILTERS, cities: ['taixing'] },
    selection: { kind: 'initiative', id: 'tx-1' },
    place: { lon: 120.03, lat: 32.16 },
    coverageRule: 'walk:500',
  });
  useGreen.setState({
    answer: answer as never,
    answerError: null,
    newPark: { lon: 120, lat: 32, area_m2: 20_000 },
    whatIfOn: true,
  });
});

describe('changing the city', () => {
  it("clears the previous city's project details, place, answer and what-if park", () => {
    useAtlas.getState().setFilters({ cities: ['jiyuan'] });
    const s = useAtlas.getState();
    expect(s.filters.cities).toEqual(['jiyuan']);
    expect(s.selection).toBeNull();
    expect(s.place).toBeNull();
    expect(s.coverageRule).toBe('walk:500');
    const g = useGreen.getState();
    expect(g.answer).toBeNull();
    expect(g.newPark).toBeNull();
    expect(g.whatIfOn).toBe(false);
  });

  it('keeps a selection that lies in the newly chosen city (a park of Jiyuan)', () => {
    useAtlas.setState({ selection: { kind: 'green', id: 'jy-lake' } });
    useAtlas.getState().setFilters({ cities: ['jiyuan'] });
    expect(useAtlas.getState().selection).toEqual({ kind: 'green', id: 'jy-lake' });
    expect(useAtlas.getState().place).toBeNull();
  });

  it('clears a city boundary selection of the previous city', () => {
    useAtlas.setState({ selection: { kind: 'boundary', id: 'taixing' } });
    useAtlas.getState().setFilters({ cities: ['jiyuan'] });
    expect(useAtlas.getState().selection).toBeNull();
  });

  it('leaves everything alone when another filter changes', () => {
    useAtlas.getState().setFilters({ text: 'road' });
    const s = useAtlas.getState();
    expect(s.selection).toEqual({ kind: 'initiative', id: 'tx-1' });
    expect(s.place).toEqual({ lon: 120.03, lat: 32.16 });
    expect(useGreen.getState().answer).toEqual(answer);
    expect(useGreen.getState().newPark).not.toBeNull();
  });

  it('clears on "Clear filters" too, which drops the city', () => {
    useAtlas.setState({ selection: { kind: 'initiative', id: 'jy-1' } });
    useAtlas.getState().resetFilters();
    const s = useAtlas.getState();
    // All cities: a project still in the ledger stays selected; the place and answer go.
    expect(s.selection).toEqual({ kind: 'initiative', id: 'jy-1' });
    expect(s.place).toBeNull();
    expect(useGreen.getState().answer).toBeNull();
  });
});

describe('splitKnownCities', () => {
  const catalog = [{ id: 'tongzhou' }, { id: 'sanhe' }, { id: 'jiyuan' }];
  it("keeps the catalogue's cities and names the others, in the link's order", () => {
    expect(splitKnownCities(['xpcc', 'sanhe', 'tongzhou', 'nope'], catalog)).toEqual({
      known: ['sanhe', 'tongzhou'],
      unknown: ['xpcc', 'nope'],
    });
  });
  it('has nothing to drop from an empty filter or a filter of known cities', () => {
    expect(splitKnownCities([], catalog)).toEqual({ known: [], unknown: [] });
    expect(splitKnownCities(['jiyuan'], catalog)).toEqual({ known: ['jiyuan'], unknown: [] });
  });
  it('drops everything against an empty catalogue', () => {
    expect(splitKnownCities(['jiyuan'], [])).toEqual({ known: [], unknown: ['jiyuan'] });
  });
});
