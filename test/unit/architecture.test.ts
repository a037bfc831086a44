/**
 * The layering rule, checked on the source itself: `src/core` is pure (no DOM, no worker, no
 * React, no map, no storage) and imports nothing above it; the worker builds only on the core;
 * the CLI and the scripts never reach into the web app; nothing anywhere imports in a cycle.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    const rel = join(dir, name);
    if (statSync(join(root, rel)).isDirectory()) out.push(...walk(rel));
    else if (/\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

const SPEC = /(?:^|\s)(?:import|export)\s[^;]*?from\s*'([^']+)'|import\(\s*'([^']+)'\s*\)/gms;

/** Every import specifier of a file: relative ones resolved to repo paths, packages as named. */
function importsOf(file: string): { local: string[]; packages: string[] } {
  const text = readFileSync(join(root, file), 'utf8');
  const local: string[] = [];
  const packages: string[] = [];
  for (const m of text.matchAll(SPEC)) {
    const spec = (m[1] ?? m[2] ?? '').split('?')[0] ?? '';
    if (spec.startsWith('.')) local.push(normalize(join(dirname(file), spec)));
    else packages.push(spec);
  }
  return { local, packages };
}

const coreFiles = walk('src/core');
const allFiles = [...walk('src'), ...walk('cli'), ...walk('scripts'), ...walk('server')];

describe('architecture', () => {
  it('finds the core and the code above it', () => {
    expect(coreFiles.length).toBeGreaterThan(40);
    expect(allFiles.some((f) => f.startsWith('src/web/'))).toBe(true);
  });

  it('src/core imports nothing outside src/core, and no UI, worker or storage package', () => {
    const forbiddenPackage =
      /^(react|react-dom|react-map-gl|maplibre-gl|terra-draw|comlink|idb|zustand)(\/|$)/;
    const bad: string[] = [];
    for (const file of coreFiles) {
      const { local, packages } = importsOf(file);
      for (const target of local) {
        if (!target.startsWith('src/core/')) bad.push(`${file} -> ${target}`);
      }
      for (const p of packages) if (forbiddenPackage.test(p)) bad.push(`${file} -> ${p}`);
    }
    expect(bad).toEqual([]);
  });

  it('src/core touches no browser global', () => {
    const globals =
      /\b(window|document|localStorage|indexedDB|navigator|postMessage|importScripts)\b\s*[.(]/;
    const bad = coreFiles.filter((file) => {
      const code = readFileSync(join(root, file), 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
      return globals.test(code);
    });
    expect(bad).toEqual([]);
  });

  it('the worker builds only on the core; the CLI, scripts and server never import the web app', () => {
    const bad: string[] = [];
    for (const file of allFiles) {
      const { local } = importsOf(file);
      for (const target of local) {
        if (file.startsWith('src/worker/') && target.startsWith('src/web/')) bad.push(file);
        if (/^(cli|scripts|server)\//.test(file) && /^src\/(web|worker)\//.test(target)) {
          bad.push(file);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('has no import cycle', () => {
    const graph = new Map(allFiles.map((f) => [f, importsOf(f).local]));
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, stack: string[]): void => {
      const s = state.get(file);
      if (s === 'done') return;
      if (s === 'open') {
        cycles.push([...stack.slice(stack.indexOf(file)), file].join(' -> '));
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) {
        if (graph.has(next)) visit(next, [...stack, file]);
      }
      state.set(file, 'done');
    };
    for (const file of allFiles) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('a file in the core is found by a relative path the checker understands', () => {
    // Guards the checker itself: a known core import must resolve to a known core file.
    const { local } = importsOf('src/core/analytics/index.ts');
    expect(local.length).toBeGreaterThan(0);
    for (const target of local) expect(coreFiles).toContain(relative('.', target));
  });
});
