/**
 * The pinned source packages: `npm pack` into a cache folder (once), check the tarball against
 * its pinned sha512 integrity (the `integrity` of package-lock.json / the registry), extract it.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PackageInfo } from './config.ts';

/** Subresource-integrity string of some bytes: `sha512-` + base64 of the SHA-512 digest. */
export function integrityOf(bytes: Uint8Array): string {
  return `sha512-${createHash('sha512').update(bytes).digest('base64')}`;
}

/** The tarball `npm pack` writes for a package (scope `@a/b` becomes `a-b`). */
export function tarballName(name: string, version: string): string {
  return `${name.replace(/^@/, '').replace('/', '-')}-${version}.tgz`;
}

/**
 * `npm pack` the pinned version into `cacheDir` (unless a tarball with the pinned integrity is
 * there already), verify it, extract `info.extract` from it; returns the extracted folder.
 * Throws when npm fails or the integrity differs.
 */
export function fetchPackage(
  name: string,
  info: PackageInfo,
  cacheDir: string,
  log: (msg: string) => void,
): string {
  const tarball = join(cacheDir, tarballName(name, info.version));
  const dir = join(cacheDir, `${name}-${info.version}`);
  const integrityOfFile = (file: string) => integrityOf(readFileSync(file));
  if (!existsSync(tarball) || integrityOfFile(tarball) !== info.integrity) {
    rmSync(tarball, { force: true });
    rmSync(dir, { recursive: true, force: true });
    log(`npm pack ${name}@${info.version} -> ${cacheDir}`);
    const spec = `${name}@${info.version}`;
    execFileSync('npm', ['pack', spec, '--pack-destination', cacheDir, '--loglevel=error'], {
      cwd: cacheDir,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (!existsSync(tarball)) throw new Error(`npm pack did not write ${tarball}`);
    const got = integrityOfFile(tarball);
    if (got !== info.integrity) {
      throw new Error(
        `${name}@${info.version}: integrity ${got} differs from the pinned ${info.integrity}`,
      );
    }
  }
  const marker = join(dir, '.extracted');
  if (!existsSync(marker)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    execFileSync('tar', ['-xzf', tarball, '-C', dir, info.extract], { stdio: 'inherit' });
    writeFileSync(marker, info.integrity);
  }
  return join(dir, info.extract);
}
