/**
 * A minimal zip reader (the central directory, stored and deflated entries) for zipped
 * Shapefiles, with the platform's DecompressionStream('deflate-raw') (Node 20, current browsers).
 * Entry names without the UTF-8 flag are read as UTF-8 when valid, else as GB18030 (Chinese
 * Windows writes them in the system code page). Problems are thrown as ZipError: its message is
 * the English, `said` the coded message.
 */
import { type MessageCode, type MessageParams, type Said, say } from '../common/messages.ts';

export class ZipError extends Error {
  readonly said: Said;
  constructor(code: MessageCode, params?: MessageParams) {
    const said = say(code, params);
    super(said.reason);
    this.said = said;
  }
}

export interface ZipEntry {
  name: string;
  read(): Promise<Uint8Array>;
}

function nameOf(bytes: Uint8Array, utf8Flag: boolean): string {
  if (utf8Flag) return new TextDecoder('utf-8').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

async function inflate(data: Uint8Array, size: number): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'));
  const out = new Uint8Array(await new Response(stream).arrayBuffer());
  if (size > 0 && out.length !== size) throw new ZipError('zip_entry_size');
  return out;
}

/** The entries of a zip (directories left out). Throws ZipError when it cannot be read. */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: 22 bytes plus a comment of up to 65535 bytes, at the end.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('zip_no_directory');
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  if (at === 0xffffffff || count === 0xffff) throw new ZipError('zip64');
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) {
      throw new ZipError('zip_directory_damaged');
    }
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const compressed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = nameOf(bytes.subarray(at + 46, at + 46 + nameLength), (flags & 0x800) !== 0);
    at += 46 + nameLength + extra + comment;
    if (name.endsWith('/')) continue;
    entries.push({
      name,
      read: async () => {
        if (flags & 1) throw new ZipError('zip_encrypted', { name });
        if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) {
          throw new ZipError('zip_entry_damaged', { name });
        }
        const start =
          local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
        const data = bytes.subarray(start, start + compressed);
        if (data.length < compressed) throw new ZipError('zip_truncated', { name });
        if (method === 0) return data;
        if (method === 8) {
          try {
            return await inflate(data, size);
          } catch (e) {
            throw e instanceof ZipError ? e : new ZipError('zip_data_damaged', { name });
          }
        }
        throw new ZipError('zip_method', { name, method });
      },
    });
  }
  return entries;
}
