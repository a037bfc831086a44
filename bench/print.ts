/**
 * Print / export timings in headless Chromium (software WebGL), the steps as the app measures
 * them (the dialog's data-ms): `npx tsx bench/print.ts [runs] [--profile]` against the built app
 * (run `npm run build` first; hold /tmp/atlas-e2e.lock, the machine's 2 cores are shared).
 * Exports Tongzhou (the README's example view) as an A4 landscape PNG, an A3 portrait PNG and
 * the one-page PDF, `runs` times each, and prints every run's steps and the medians.
 * --profile: a CPU profile of the main thread over one A4 export, its top functions by self time.
 * BENCH_PORT sets the preview server's port (default 5313).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../scripts/chromium.ts';

const PORT = Number(process.env.BENCH_PORT ?? 5313);
const BASE = `http://127.0.0.1:${PORT}/`;
const VIEW = '?city=tongzhou&v=116.69,39.885,11.6';

async function serve(): Promise<ChildProcess> {
  const server = spawn(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'preview', '--port', String(PORT), '--strictPort'],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 150; i++) {
    if (
      await fetch(BASE).then(
        (r) => r.ok,
        () => false,
      )
    )
      return server;
    await new Promise((r) => setTimeout(r, 200));
  }
  server.kill();
  throw new Error(`no preview server at ${BASE}`);
}

async function exportOnce(
  page: Page,
  format: 'a4' | 'a3' | 'pdf',
  orientation: 'landscape' | 'portrait',
): Promise<Record<string, number>> {
  await page.click('[data-testid="print-open"]');
  await page.waitForSelector('[data-testid="print-dialog"][open]');
  await page.check(`[data-testid="print-format-${format}"]`);
  if (format !== 'pdf') await page.check(`[data-testid="print-orientation-${orientation}"]`);
  await page.waitForSelector('[data-testid="print-go"]:not([disabled])', { timeout: 60_000 });
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 240_000 }),
    page.click('[data-testid="print-go"]'),
  ]);
  await download.path();
  const status = page.locator('[data-testid="print-status"][data-state="done"]');
  await status.waitFor({ timeout: 30_000 });
  const ms = JSON.parse((await status.getAttribute('data-ms')) ?? '{}') as Record<string, number>;
  await page.keyboard.press('Escape');
  // The offscreen map is freed a second after the copy: not measured in the next run.
  await page.waitForTimeout(3000);
  return ms;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2 : Number.NaN;
};

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

async function main(): Promise<void> {
  const runs = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 3);
  const profile = process.argv.includes('--profile');
  const server = await serve();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
  try {
    const context = await browser.newContext({
      viewport: { width: 1400, height: 900 },
      locale: 'en-US',
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await page.route('**/*', (route) =>
      ['127.0.0.1', 'localhost'].includes(new URL(route.request().url()).hostname)
        ? route.continue()
        : route.abort('internetdisconnected'),
    );
    await page.goto(`${BASE}${VIEW}`);
    await page.waitForSelector('[data-testid="app"][data-loaded="true"]', { timeout: 60_000 });
    await page.waitForTimeout(3000);
    const cases = [
      ['a4', 'landscape'],
      ['a3', 'portrait'],
      ['pdf', 'portrait'],
    ] as const;
    for (const [format, orientation] of cases) {
      const all: Record<string, number[]> = {};
      for (let i = 0; i < runs; i++) {
        const ms = await exportOnce(page, format, orientation);
        console.log(
          `${format} ${orientation} run ${i + 1}: ${JSON.stringify(ms, (_k, v) => (typeof v === 'number' ? Math.round(v) : v))}`,
        );
        for (const [k, v] of Object.entries(ms)) all[k] = [...(all[k] ?? []), v];
      }
      const med = Object.fromEntries(
        Object.entries(all).map(([k, v]) => [k, Math.round(median(v))]),
      );
      console.log(`${format} ${orientation} median: ${JSON.stringify(med)}`);
    }
    if (profile) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
      await cdp.send('Profiler.start');
      await exportOnce(page, 'a4', 'landscape');
      const { profile: p } = (await cdp.send('Profiler.stop')) as {
        profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
      };
      const byNode = new Map(p.nodes.map((n) => [n.id, n]));
      const self = new Map<string, number>();
      p.samples.forEach((id, i) => {
        const n = byNode.get(id);
        if (!n) return;
        const f = n.callFrame;
        const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
        self.set(key, (self.get(key) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
      });
      const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25);
      console.log('CPU profile of one A4 export, self time (ms):');
      for (const [k, v] of top) console.log(`  ${Math.round(v).toString().padStart(7)}  ${k}`);
    }
  } finally {
    await browser.close();
    server.kill();
  }
}

await main();
