import { describe, expect, it } from 'vitest';
import { atlas, IN } from './helpers.ts';

describe('atlas: help', () => {
  it('atlas --help lists every command on stdout, exit 0', () => {
    const r = atlas('--help');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    for (const c of ['area', 'totals', 'nearest', 'coverage', 'convert', 'validate']) {
      expect(r.stdout).toMatch(new RegExp(`^  ${c} `, 'm'));
    }
  });

  it.each(['area', 'totals', 'nearest', 'coverage', 'convert', 'validate'])(
    'atlas %s --help: its usage on stdout, exit 0',
    (command) => {
      const r = atlas(command, '--help');
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Usage: atlas ${command} `));
    },
  );
});

describe('atlas: usage errors exit 2 with the usage on stderr', () => {
  it.each([
    [[], /missing command/],
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['area'], /missing the input file/],
    [['area', 'a.geojson', 'b.geojson'], /unexpected argument 'b.geojson'/],
    [['area', 'a.geojson', '--bogus'], /Unknown option '--bogus'/],
    [['totals', '--regions', 'r.geojson'], /missing --points/],
    [['totals', '--points', 'p.csv'], /missing --regions/],
    [['totals', '--regions', 'r', '--points', 'p', '--sum'], /'--sum <value>' argument missing/],
    [
      ['totals', '--regions', 'r', '--points', 'p', '--crs', 'utm'],
      /--crs must be one of wgs84, gcj02, bd09/,
    ],
    [['nearest', '--from', 'a', '--to', 'b', '--k', '0'], /--k must be a positive integer/],
    [['nearest', '--from', 'a', '--to', 'b', '--k', '1.5'], /--k must be a positive integer/],
    [['nearest', '--from', 'a'], /missing --to/],
    [['coverage', '--regions', 'r'], /missing --parks/],
    [
      ['coverage', '--parks', 'p', '--regions', 'r', '--pop-field', 'pop'],
      /--pop-field needs --population/,
    ],
    [['convert', 'x.csv', '--format', 'dxf'], /--format must be one of/],
    [['validate'], /missing the input file/],
  ])('atlas %j', (args, message) => {
    const r = atlas(...(args as string[]));
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/Usage: atlas/);
  });

  it('usage is checked before any file is read (a missing file does not matter)', () => {
    const r = atlas('area', `${IN}/does-not-exist.geojson`, '--nope');
    expect(r.status).toBe(2);
  });
});

describe('atlas: progress', () => {
  it('stderr stays empty unless --progress (stderr is not a terminal here)', () => {
    const quiet = atlas('area', `${IN}/totals-regions.geojson`);
    expect(quiet.stderr).toBe('');
    const loud = atlas('area', `${IN}/totals-regions.geojson`, '--progress');
    expect(loud.status).toBe(0);
    expect(loud.stderr).toMatch(
      /atlas area: \[\d+\.\d s\] reading test\/fixtures\/in\/totals-regions\.geojson/,
    );
    expect(loud.stderr).toMatch(/done/);
    expect(JSON.parse(loud.stdout).features).toHaveLength(3);
  });
});
