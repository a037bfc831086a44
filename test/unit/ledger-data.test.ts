import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitSources } from '../../src/core/ledger/model.ts';
import { summariseInvestment } from '../../src/core/ledger/totals.ts';
import { parseInitiativesCsv } from '../../src/core/ledger/validate.ts';

const text = readFileSync(join(import.meta.dirname, '../../data/initiatives.csv'), 'utf8');
const { rows, issues } = parseInitiativesCsv(text);
const byId = new Map(rows.map((r) => [r.id, r]));

describe('the shipped ledger (issue 9: an honest ledger)', () => {
  it('parses with no problem', () => {
    expect(issues).toEqual([]);
    expect(rows).toHaveLength(196);
  });

  it('sums its investments by the rule, as added up by hand from facts.md', () => {
    const s = summariseInvestment(rows);
    // exact: 6.6 + 350 + 2.46 + 1.76 + 5.48 + 27.75 + 2.4 + 50.1 + 0.0353 + 6 + 100 = 552.5853亿
    expect(s.exact).toEqual({ count: 11, sum: 55_258_530_000 });
    // at least: 羌溪河 >4000万, 银杏公园 >1000万, 根思路西延 >6000万 = 1.1亿
    expect(s.atLeast).toEqual({ count: 3, sum: 110_000_000 });
    expect(s.floor).toBe(55_368_530_000);
    expect(s.floorIsLowerBound).toBe(true);
    // about: 迎幸广场 概算3.95亿, 沿江大道 约4.5亿, 镇海路南延 约13.06亿 = 21.51亿 (not added)
    expect(s.about).toEqual({ count: 3, sum: 2_151_000_000 });
    // target: 2017 parks 计划3.3亿, 工业新城 撬动200亿 = 203.3亿 (not added)
    expect(s.target).toEqual({ count: 2, sum: 20_330_000_000 });
    expect(s.unknown).toBe(177);
  });

  it('keeps the rows the issue named honest', () => {
    for (const id of [
      'tx-zhenhai-road-south',
      'tx-yanjiang-avenue',
      'jy-hekoucun-reservoir',
      'jy-longteng-lake',
      'alr-national-garden-city',
      'tmx-national-garden-city',
      'jy-jishuiyuan-peony-garden',
    ]) {
      expect(byId.get(id)?.status, id).toBe('not_stated');
    }
    expect(byId.get('tx-qiangxi-river-park')?.investment_qualifier).toBe('at_least'); // 4000多万
    expect(byId.get('tx-gensi-road-west')?.investment_qualifier).toBe('at_least'); // 超过6000万
    expect(byId.get('mhk-industrial-new-town')?.investment_qualifier).toBe('target'); // 撬动
    // The 8亿元 came from a CRI report whose URL is not recorded: not entered under another URL.
    expect(byId.get('mhk-hailong-lake-park')?.investment_cny).toBeNull();
  });

  it('has a row for the programmes seeds 000, 002 and 004 name, each citing its seed', () => {
    const cites = (id: string, seed: string) =>
      expect(splitSources(byId.get(id)?.source ?? ''), id).toContain(seed);
    cites('shz-xpcc-cadre-training', '000_e9d420fcc20c42f3.txt');
    for (const id of [
      'tz-green-city',
      'tz-resilient-city',
      'tz-humanities-city',
      'tz-livable-city',
    ])
      cites(id, '002_a3f32d6d99859141.txt');
    for (const id of [
      'mhk-migrant-citizenisation',
      'mhk-leading-industries',
      'mhk-internet-plus-government',
      'mhk-hukou-reform',
    ])
      cites(id, '004_c2a00b3c9bef09dd.txt');
    cites('jy-cadre-training', '001_6782f79395f3aab1.txt');
  });

  it('gives no investment without a qualifier and no programme row a made-up figure', () => {
    for (const r of rows) {
      expect(r.investment_qualifier === null, r.id).toBe(r.investment_cny === null);
    }
  });
});
