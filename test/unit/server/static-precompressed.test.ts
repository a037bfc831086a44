/**
 * The build's compressed copies (scripts/vite/precompress.ts) and the server sending them
 * (server/static.ts): a browser that accepts brotli gets the .br bytes, which decompress to the
 * file; one that accepts nothing gets the file itself. Small files get no copies.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import { precompress } from '../../../scripts/vite/precompress.ts';
import { mountStatic } from '../../../server/static.ts';
import type { AppEnv } from '../../../server/types.ts';

const root = mkdtempSync(join(tmpdir(), 'atlas-precompress-'));
const dist = join(root, 'dist');
afterAll(() => rmSync(root, { recursive: true, force: true }));

// A script of known text, big enough to be compressed, and one too small to be.
const big = `export const rows = [${Array.from({ length: 2000 }, (_, i) => `"row ${i}"`).join(',')}];\n`;
const small = 'export const x = 1;\n';

async function build(): Promise<void> {
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(dist, 'assets', 'big.js'), big);
  writeFileSync(join(dist, 'assets', 'small.js'), small);
  const plugin = precompress();
  const configResolved = plugin.configResolved as (c: unknown) => void;
  configResolved({ root, build: { outDir: 'dist' } });
  await (plugin.closeBundle as () => Promise<void>)();
}

describe('precompressed build files', () => {
  it('writes .br and .gz copies that decompress to the file, and none for small files', async () => {
    await build();
    const br = readFileSync(join(dist, 'assets', 'big.js.br'));
    const gz = readFileSync(join(dist, 'assets', 'big.js.gz'));
    expect(brotliDecompressSync(br).toString()).toBe(big);
    expect(gunzipSync(gz).toString()).toBe(big);
    expect(br.length).toBeLessThan(big.length / 4);
    expect(existsSync(join(dist, 'assets', 'small.js.br'))).toBe(false);
    expect(existsSync(join(dist, 'assets', 'small.js.gz'))).toBe(false);
  });

  it('is what the server sends to a browser that accepts brotli, and the file to one that does not', async () => {
    const app = new Hono<AppEnv>();
    mountStatic(app, { distDir: dist, dataDir: join(root, 'data') });
    const compressed = await app.request('/assets/big.js', {
      headers: { 'Accept-Encoding': 'gzip, deflate, br' },
    });
    expect(compressed.status).toBe(200);
    expect(compressed.headers.get('Content-Encoding')).toBe('br');
    expect(compressed.headers.get('Content-Type')).toMatch(/javascript/);
    const body = Buffer.from(await compressed.arrayBuffer());
    expect(brotliDecompressSync(body).toString()).toBe(big);

    const plain = await app.request('/assets/big.js', {
      headers: { 'Accept-Encoding': 'identity' },
    });
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    expect(await plain.text()).toBe(big);
  });
});
