/**
 * `atlas convert` goes through the same core importer as the app: a Chinese Shapefile with a
 * .cpg of "936" prints proper Chinese with no warning; one whose code page had to be guessed
 * (no .cpg, DBF language byte 0x00) still prints proper Chinese, with a warning on stderr that
 * names the .dbf. Fixtures: test/fixtures/formats/make-shapefile-cn.py.
 */
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { atlas, FORMATS, json } from './helpers.ts';

const WANT = [
  { ID: 1, NAME: '通州区', 类型: '行政区' },
  { ID: 2, NAME: '城市绿心森林公园', 类型: '公园' },
];

describe('atlas convert: Chinese Shapefiles', () => {
  it('.cpg "936": GBK attributes as Chinese, no warning', () => {
    const run = atlas('convert', `${FORMATS}/shapefile-cn/cpg-936.zip`);
    const fc = json<FeatureCollection>(run);
    expect(fc.features.map((f) => f.properties)).toEqual(WANT);
    expect(run.stderr).not.toMatch(/warning/);
  });

  it('no .cpg and no code page in the header: Chinese, and a warning naming the file on stderr', () => {
    const run = atlas('convert', `${FORMATS}/shapefile-cn/ldid-00.zip`);
    const fc = json<FeatureCollection>(run);
    expect(fc.features.map((f) => f.properties)).toEqual(WANT);
    expect(run.stderr).toMatch(
      /atlas convert: warning: .*绿地\.dbf: no \.cpg and no code page in the DBF header \(language byte 0x00\); attributes read as GB18030, guessed from the bytes/,
    );
  });
});
