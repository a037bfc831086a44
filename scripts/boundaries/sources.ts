/** Reading source files out of the extracted packages, each file once (I/O). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSourceText, type SourceFeature } from './echarts-decode.ts';

export interface Source {
  package: string;
  file: string;
  features: SourceFeature[];
}

/** Reads `file` of a package from its extracted folder; parses each file once. */
export class SourceReader {
  private readonly cache = new Map<string, Source>();

  /** `dirs`: package name → extracted folder; `versions`: package name → version (messages). */
  constructor(
    private readonly dirs: ReadonlyMap<string, string>,
    private readonly versions: Readonly<Record<string, string>>,
  ) {}

  dirOf(pkg: string): string {
    const dir = this.dirs.get(pkg);
    if (dir === undefined) throw new Error(`unknown package ${pkg}`);
    return dir;
  }

  read(pkg: string, file: string): Source {
    const key = `${pkg}/${file}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const path = join(this.dirOf(pkg), file);
    if (!existsSync(path)) throw new Error(`${pkg}@${this.versions[pkg]}: no file ${file}`);
    const src: Source = {
      package: pkg,
      file,
      features: parseSourceText(readFileSync(path, 'utf8'), file),
    };
    this.cache.set(key, src);
    return src;
  }

  /** The first `.geojson` file of a package (sorted by name) whose text contains `needle`. */
  findFileContaining(pkg: string, needle: string): string | undefined {
    const dir = this.dirOf(pkg);
    return readdirSync(dir)
      .filter((f) => f.endsWith('.geojson'))
      .sort()
      .find((f) => readFileSync(join(dir, f), 'utf8').includes(needle));
  }
}
