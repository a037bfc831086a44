import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, encodePng, isOpaque } from '../../src/core/print/png.ts';

interface Chunk {
  type: string;
  data: Uint8Array;
  crcOk: boolean;
}

/** The chunks of a PNG file, each with its CRC checked (by node:zlib's crc32). */
function chunks(png: Uint8Array): Chunk[] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const out: Chunk[] = [];
  for (let at = 8; at < png.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const data = png.subarray(at + 8, at + 8 + length);
    const crc = view.getUint32(at + 8 + length);
    out.push({ type, data, crcOk: crc === zlibCrc(png.subarray(at + 4, at + 8 + length)) });
    at += 12 + length;
  }
  return out;
}

/** CRC-32 by the textbook bitwise definition (independent of the encoder's table). */
function zlibCrc(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

/** Decodes an 8-bit RGB or RGBA PNG back to RGBA (the PNG spec's unfiltering). */
function decode(png: Uint8Array): { width: number; height: number; rgba: Uint8Array } {
  const cs = chunks(png);
  const ihdr = cs.find((c) => c.type === 'IHDR')?.data ?? new Uint8Array(13);
  const v = new DataView(ihdr.buffer, ihdr.byteOffset, 13);
  const width = v.getUint32(0);
  const height = v.getUint32(4);
  const bpp = ihdr[9] === 6 ? 4 : 3;
  const raw = inflateSync(Buffer.concat(cs.filter((c) => c.type === 'IDAT').map((c) => c.data)));
  const stride = width * bpp;
  const rows = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)]!;
    for (let i = 0; i < stride; i++) {
      const x = raw[y * (stride + 1) + 1 + i]!;
      const a = i >= bpp ? rows[y * stride + i - bpp]! : 0;
      const b = y > 0 ? rows[(y - 1) * stride + i]! : 0;
      const c = i >= bpp && y > 0 ? rows[(y - 1) * stride + i - bpp]! : 0;
      const p = a + b - c;
      const pr =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const pred = [0, a, b, (a + b) >> 1, pr][f]!;
      rows[y * stride + i] = (x + pred) & 0xff;
    }
  }
  const rgba = new Uint8Array(width * height * 4);
  for (let k = 0; k < width * height; k++) {
    for (let ch = 0; ch < 4; ch++) rgba[4 * k + ch] = ch < bpp ? rows[k * bpp + ch]! : 255;
  }
  return { width, height, rgba };
}

/** A test picture: gradients, flat areas and noise, so every filter gets chosen somewhere. */
function picture(width: number, height: number, alpha: (x: number, y: number) => number) {
  const rgba = new Uint8Array(width * height * 4);
  let seed = 7;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = 4 * (y * width + x);
      seed = (seed * 1103515245 + 12345) >>> 0;
      const flat = x < width / 3;
      rgba[i] = flat ? 240 : (x * 7) & 0xff;
      rgba[i + 1] = flat ? 236 : (y * 5 + x) & 0xff;
      rgba[i + 2] = y > height / 2 ? seed >>> 24 : 200;
      rgba[i + 3] = alpha(x, y);
    }
  }
  return rgba;
}

describe('PNG encoding of exported pages', () => {
  it('computes CRC-32 as PNG defines it (known answers)', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082);
  });

  it('writes an opaque page as RGB, every pixel as given, with 300 dpi in pHYs', async () => {
    const rgba = picture(97, 61, () => 255);
    expect(isOpaque(rgba)).toBe(true);
    const png = await encodePng(rgba, 97, 61, { dpi: 300 });
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const cs = chunks(png);
    expect(cs.map((c) => c.type)).toEqual(['IHDR', 'pHYs', 'IDAT', 'IEND']);
    expect(cs.every((c) => c.crcOk)).toBe(true);
    expect(cs[0]?.data[9]).toBe(2); // truecolour, no alpha
    const phys = cs[1]?.data ?? new Uint8Array(9);
    const pv = new DataView(phys.buffer, phys.byteOffset, 9);
    // 300 dpi = 300 / 0.0254 = 11811 pixels per metre.
    expect([pv.getUint32(0), pv.getUint32(4), phys[8]]).toEqual([11811, 11811, 1]);
    const back = decode(png);
    expect([back.width, back.height]).toEqual([97, 61]);
    expect(Buffer.from(back.rgba).equals(Buffer.from(rgba))).toBe(true);
  });

  it('keeps alpha when a pixel is not opaque, and uses several filters', async () => {
    const rgba = picture(50, 40, (x, y) => (x === 3 && y === 5 ? 128 : 255));
    const png = await encodePng(rgba, 50, 40);
    const cs = chunks(png);
    expect(cs.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(cs[0]?.data[9]).toBe(6);
    const back = decode(png);
    expect(Buffer.from(back.rgba).equals(Buffer.from(rgba))).toBe(true);
    const raw = inflateSync(Buffer.from(cs[1]?.data ?? []));
    const used = new Set(Array.from({ length: 40 }, (_, y) => raw[y * (50 * 4 + 1)]));
    expect(used.size).toBeGreaterThan(1);
  });

  it('compresses a flat page to a small file', async () => {
    const rgba = new Uint8Array(1000 * 800 * 4).fill(255);
    const png = await encodePng(rgba, 1000, 800);
    expect(png.length).toBeLessThan(5000);
  });

  it('refuses pixels that do not match the size', async () => {
    await expect(encodePng(new Uint8Array(12), 2, 2)).rejects.toThrow(/size/);
  });
});
