/** The file readers' messages in Chinese, nested messages and lists included (known answers). */
import { describe, expect, it } from 'vitest';
import { nest, nestList, say } from '../../../src/core/common/messages.ts';
import { loadFile } from '../../../src/core/formats/index.ts';
import { SEED_HISTORY_NOTE } from '../../../src/core/ledger/seed-note.ts';
import { formatProblemIn } from '../../../src/web/i18n/problems.ts';
import { historyNote } from '../../../src/web/ui/edit/history-note.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('file readers in Chinese', () => {
  it('layers merged: names joined with 、, the English as before', () => {
    const p = {
      field: 'zip',
      ...say('shp_layers_merged', { count: 3, ...nestList('names', ['a', 'b', 'c']) }),
    };
    expect(formatProblemIn(p, 'en')).toBe('zip: 3 layers (a, b, c) merged in this order');
    expect(formatProblemIn(p, 'zh')).toBe('压缩包：已合并 3 个图层（a、b、c），按此顺序');
  });

  it('a message inside a message is Chinese too, and big counts are grouped', () => {
    const inner = say('shp_padding', { shp: 'a.shp', count: 12000, indexed: 3, shx: 'a.shx' });
    const p = say('shp_layer_left_out', nest('reason', inner));
    expect(p.reason).toBe(
      'a.shp: 12000 empty records after the 3 listed in a.shx were ignored; layer left out',
    );
    expect(formatProblemIn(p, 'zh')).toBe(
      'a.shp：a.shx 列出的 3 条记录之后的 12,000 条空记录已忽略；已略去该图层',
    );
    const plain = say('shp_layer_left_out', nest('reason', 'something from a library'));
    expect(formatProblemIn(plain, 'zh')).toBe('something from a library；已略去该图层');
  });

  it('a PNG named .csv, a missing sheet and a declared crs, end to end', async () => {
    const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(64).fill(0x41)];
    const r = await loadFile(new Uint8Array(png), 'map.csv');
    expect(formatProblemIn(r.errors[0]!, 'en')).toBe(
      'file: not a text file: this is a PNG image, not CSV',
    );
    expect(formatProblemIn(r.errors[0]!, 'zh')).toBe('文件：不是文本文件：这是 PNG 图片，不是 CSV');
    const geo = await loadFile(
      bytes(
        '{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:32650"}},"features":[]}',
      ),
      'utm.geojson',
    );
    expect(formatProblemIn(geo.errors[0]!, 'zh')).toMatch(
      /^坐标系：此文件的坐标系为 EPSG:32650；请先转换为 WGS84/,
    );
    const kml = await loadFile(bytes('<?xml version="1.0"?><gpx></gpx>'), 'a.kml');
    expect(formatProblemIn(kml.errors[0]!, 'en')).toBe('xml: not KML: the root element is <gpx>');
    expect(formatProblemIn(kml.errors[0]!, 'zh')).toBe('XML：不是 KML 文件：根元素为 <gpx>');
  });

  it('no .shp in a zip of many files: a list cut at 8 with 等', () => {
    const files = ['1', '2'];
    const p = say('shp_no_shp', { ...nestList('files', files), ...nest('more', say('list_more')) });
    expect(p.reason).toBe('no .shp file in the zip (it holds 1, 2, …)');
    expect(formatProblemIn(p, 'zh')).toBe('压缩包中没有 .shp 文件（其中有 1、2 等）');
  });

  it("the seed loader's history note is shown in Chinese; other notes as written", () => {
    expect(historyNote(SEED_HISTORY_NOTE, 'zh')).toBe('首次启动时从 data/initiatives.csv 载入');
    expect(historyNote(SEED_HISTORY_NOTE, 'en')).toBe(SEED_HISTORY_NOTE);
    expect(historyNote('per the 2025 plan', 'zh')).toBe('per the 2025 plan');
  });
});
