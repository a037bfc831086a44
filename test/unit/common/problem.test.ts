import { describe, expect, it } from 'vitest';
import { type InputIssue, issueJson } from '../../../cli/common.ts';
import type { FeatureIssue } from '../../../src/core/analytics/types.ts';
import { formatProblem, type Problem, problemJson } from '../../../src/core/common/problem.ts';
import type { FormatIssue } from '../../../src/core/formats/types.ts';
import { type DataIssue, formatIssue } from '../../../src/core/ledger/validate.ts';

describe('Problem: one type, one formatter', () => {
  it('formats as the CLI prints: file (row/feature, line, id, field): reason', () => {
    expect(formatProblem({ file: 'a.csv', row: 8, field: '经度', reason: 'blank' })).toBe(
      'a.csv (row 8, 经度): blank',
    );
    expect(
      formatProblem({ file: 'p.geojson', feature: 0, field: 'geometry', reason: 'no geometry' }),
    ).toBe('p.geojson (feature 0, geometry): no geometry');
    expect(
      formatProblem({ file: 'x.json', field: 'json', line: 3, column: 7, reason: 'bad' }),
    ).toBe('x.json (line 3, column 7, json): bad');
    expect(formatProblem({ row: 2, field: 'N', reason: 'out of range: 95' })).toBe(
      'row 2, N: out of range: 95',
    );
    expect(formatProblem({ feature: 4, id: 7, reason: 'empty' })).toBe('feature 4, id "7": empty');
    expect(formatProblem({ file: 'z.zip', reason: 'not a zip' })).toBe('z.zip: not a zip');
    expect(formatProblem({ reason: 'nothing to read' })).toBe('nothing to read');
  });

  it('the ledger formatter is the same function, adding the CSV line of a row', () => {
    const i: DataIssue = { file: 'x.csv', row: 4, id: 'a', field: 'lat', reason: 'bad' };
    expect(formatIssue(i)).toBe('x.csv (row 4, line 5, id "a", lat): bad');
    expect(formatIssue({ file: 'g.geojson', feature: 2, field: 'name_zh', reason: 'blank' })).toBe(
      'g.geojson (feature 2, name_zh): blank',
    );
  });

  it('the four old shapes are the one type', () => {
    const f: FormatIssue = { row: 1, field: 'lat', reason: 'r' };
    const d: DataIssue = { file: 'f', field: 'x', reason: 'r' };
    const a: FeatureIssue = { feature: 1, id: 'x', reason: 'r' };
    const c: InputIssue = { file: 'f', row: 1, field: 'lat', reason: 'r' };
    const all: Problem[] = [f, d, a, c];
    expect(all.map(formatProblem)).toEqual([
      'row 1, lat: r',
      'f (x): r',
      'feature 1, id "x": r',
      'f (row 1, lat): r',
    ]);
  });

  it('keeps the CLI JSON contract: {row|feature, field, reason} (+ file, line, column)', () => {
    const p: Problem = {
      file: 'a.csv',
      row: 3,
      id: 'x',
      field: 'lat',
      reason: 'blank',
      severity: 'error',
    };
    expect(JSON.stringify(problemJson(p, false))).toBe('{"row":3,"field":"lat","reason":"blank"}');
    expect(
      JSON.stringify(
        issueJson({ file: 'f.json', feature: 2, field: 'json', reason: 'r', line: 1, column: 2 }),
      ),
    ).toBe('{"file":"f.json","feature":2,"field":"json","reason":"r","line":1,"column":2}');
  });
});
