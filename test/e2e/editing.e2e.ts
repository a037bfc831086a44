/**
 * Editing against the real server (`server/main.ts` on PGlite in a temp ATLAS_DATA_DIR, built app
 * from dist/): an editor moves a pin and edits a field, reloads and sees both with the history; a
 * viewer sees no edit control and gets 403 from the API; two editors conflict and nothing is lost;
 * a name holding SQL and HTML is stored and shown verbatim; a delete is undone; a ledger file is
 * imported as an update (preview, then one batch). The server is started here (not by
 * the preview global setup), on E2E_SERVER_PORT (default 8093).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../server/auth/users.ts';
import { openDb } from '../../server/db/index.ts';
import { migrate } from '../../server/db/migrate.ts';
import { Atlas, launch } from './driver.ts';

const PORT = Number(process.env.E2E_SERVER_PORT ?? 8093);
const BASE = `http://127.0.0.1:${PORT}/`;
const PASSWORD = 'correct-horse-battery';
const SHOTS = process.env.E2E_SHOTS ?? '';
let dataDir = '';
let server: ChildProcess | undefined;
let browser: Browser;

async function waitFor(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the atlas server did not answer at ${url} within ${ms} ms`);
}

beforeAll(async () => {
  if (!existsSync('dist/index.html'))
    throw new Error('dist/ is missing: run `npm run build` first');
  dataDir = mkdtempSync(join(tmpdir(), 'atlas-e2e-'));
  const db = await openDb({ dataDir });
  await migrate(db);
  await createUser(db, { name: 'ana', role: 'editor', password: PASSWORD });
  await createUser(db, { name: 'bo', role: 'editor', password: PASSWORD });
  await createUser(db, { name: 'vic', role: 'viewer', password: PASSWORD });
  await createUser(db, { name: 'ada', role: 'admin', password: PASSWORD });
  await db.close();
  server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: String(PORT), ATLAS_DATA_DIR: dataDir, ATLAS_NO_BUILD: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stderr?.on('data', (d) => process.stderr.write(`[server] ${d}`));
  await waitFor(`${BASE}api/health`, 60_000);
  browser = await launch();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function shot(a: Atlas, name: string): Promise<void> {
  if (SHOTS) await a.screenshot(join(SHOTS, `${name}.png`));
}

async function signIn(a: Atlas, name: string): Promise<void> {
  await a.page.click('[data-testid="signin-open"]');
  await a.page.fill('[data-testid="signin-user"]', name);
  await a.page.fill('[data-testid="signin-password"]', PASSWORD);
  await a.page.click('[data-testid="signin-submit"]');
  await a.page.waitForSelector('[data-testid="account-name"]');
}

async function openRow(a: Atlas, id: string): Promise<void> {
  await a.clickRow(id);
  await a.page.waitForSelector('[data-testid="history-entry"]');
}

/** Calls the API from the page (same origin, the page's cookie). */
async function apiFrom(
  page: Page,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
) {
  return page.evaluate(
    async ({ method, path, headers, body }) => {
      const res = await fetch(path, {
        method,
        headers: { 'Content-Type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, json: await res.json().catch(() => null) };
    },
    { method, path, headers, body },
  );
}

const ROW = 'tz-control-plan';

/** The first percentage in a text (a coverage share). */
const share = (t: string) => Number(/([0-9.]+)\s*%/.exec(t)?.[1] ?? 'NaN');

describe('editing the shared atlas in Chromium', () => {
  it('an editor moves a pin and edits a field; after a reload both show, with the history', async () => {
    const a = await Atlas.open(browser, BASE);
    await signIn(a, 'ana');
    expect(await a.page.textContent('[data-testid="account-role"]')).toContain('editor');
    await openRow(a, ROW);
    await shot(a, '1-detail-editor');

    await a.page.click('[data-testid="edit-open"]');
    await a.page.fill('[data-testid="field-name_en"]', 'Sub-center plan (edited by ana)');
    await a.page.fill('[data-testid="edit-note"]', 'name as the bureau writes it');
    await shot(a, '2-edit-form');
    await a.page.click('[data-testid="form-save"]');
    await a.page.waitForSelector('[data-testid="edit-form"]', { state: 'detached' });

    await a.page.click('[data-testid="move-open"]');
    const pin = await a.page.waitForSelector('[data-testid="move-pin"]');
    const box = await pin.boundingBox();
    if (!box) throw new Error('no pin');
    await a.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await a.page.mouse.down();
    await a.page.mouse.move(box.x + 60, box.y + 40, { steps: 8 });
    await a.page.mouse.up();
    await a.page.waitForSelector('[data-testid="move-dialog"]');
    await a.page.selectOption('[data-testid="move-precision"]', 'exact');
    await a.page.fill('[data-testid="move-source"]', 'https://example.org/site-plan');
    await shot(a, '3-move-dialog');
    await a.page.click('[data-testid="move-save"]');
    await a.page.waitForSelector('[data-testid="move-dialog"]', { state: 'detached' });

    await a.reload();
    await a.page.waitForSelector('[data-testid="account-name"]');
    await a.page.waitForSelector(`[data-testid="ledger-row"][data-id="${ROW}"]`);
    await openRow(a, ROW);
    await a.page.waitForFunction(
      () => document.querySelectorAll('[data-testid="history-entry"]').length >= 3,
    );
    const panel = (await a.page.textContent('[data-testid="detail-panel"]')) ?? '';
    expect(panel).toContain('Sub-center plan (edited by ana)');
    expect(await a.page.textContent('[data-testid="detail-precision"]')).toContain('Exact');
    expect(await a.page.textContent('[data-testid="detail-source"]')).toContain(
      'example.org/site-plan',
    );
    const history = await a.page.$$eval('[data-testid="history-entry"]', (els) =>
      els.map((e) => e.textContent ?? ''),
    );
    expect(
      history.some((h) => h.includes('ana') && h.includes('name as the bureau writes it')),
    ).toBe(true);
    expect(history.some((h) => h.includes('Longitude') && h.includes('Latitude'))).toBe(true);
    await shot(a, '4-after-reload-history');
    const row = await (await fetch(`${BASE}api/initiatives/${ROW}`)).json();
    expect(row.location_precision).toBe('exact');
    expect(row.name_en).toBe('Sub-center plan (edited by ana)');
    // The signed-out probe GET /api/me answers 401, which Chromium logs; nothing else may be logged.
    expect(a.errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
    await a.close();
  });

  it('a viewer sees no edit control and the API answers 403', async () => {
    const a = await Atlas.open(browser, BASE);
    await signIn(a, 'vic');
    await openRow(a, ROW);
    expect(await a.page.$('[data-testid="edit-open"]')).toBeNull();
    expect(await a.page.$('[data-testid="edit-toolbar"]')).toBeNull();
    expect(await a.page.$('[data-testid="delete"]')).toBeNull();
    await shot(a, '5-viewer');
    const res = await apiFrom(
      a.page,
      'PATCH',
      `/api/initiatives/${ROW}`,
      { 'If-Match': '"1"' },
      { description: 'x' },
    );
    expect(res.status).toBe(403);
    await a.close();
  });

  it('two editors change the same field: the second sees both values, chooses, and nothing is lost', async () => {
    const a = await Atlas.open(browser, BASE);
    const b = await Atlas.open(browser, BASE);
    await signIn(a, 'ana');
    await signIn(b, 'bo');
    const id = 'tz-green-heart';
    const ids = await a.ledgerIds();
    const target = ids.includes(id) ? id : (ids.find((x) => x !== ROW) ?? '');
    await openRow(a, target);
    await openRow(b, target);
    await a.page.click('[data-testid="edit-open"]');
    await b.page.click('[data-testid="edit-open"]');
    await a.page.fill('[data-testid="field-description"]', 'Ana’s description');
    await b.page.fill('[data-testid="field-description"]', 'Bo’s description');
    await a.page.click('[data-testid="form-save"]');
    await a.page.waitForSelector('[data-testid="edit-form"]', { state: 'detached' });
    await b.page.click('[data-testid="form-save"]');
    await b.page.waitForSelector('[data-testid="conflict-dialog"]');
    expect(await b.page.textContent('[data-testid="conflict-theirs-value-description"]')).toBe(
      'Ana’s description',
    );
    expect(await b.page.textContent('[data-testid="conflict-mine-value-description"]')).toBe(
      'Bo’s description',
    );
    await shot(b, '6-conflict');
    await b.page.click('[data-testid="conflict-mine-description"]');
    await b.page.click('[data-testid="conflict-apply"]');
    await b.page.waitForSelector('[data-testid="conflict-dialog"]', { state: 'detached' });
    await b.page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="history-entry"]')].some((e) =>
        e.textContent?.includes('bo'),
      ),
    );
    const row = await (await fetch(`${BASE}api/initiatives/${target}`)).json();
    expect(row.description).toBe('Bo’s description');
    const hist = await (await fetch(`${BASE}api/initiatives/${target}/history`)).json();
    const tos = hist.changes.map(
      (c: { fields: Record<string, { to: unknown }> }) => c.fields.description?.to,
    );
    expect(tos).toContain('Ana’s description');
    expect(tos).toContain('Bo’s description');
    await a.close();
    await b.close();
  });

  it('a name holding SQL and HTML is stored and shown verbatim', async () => {
    const a = await Atlas.open(browser, BASE);
    await signIn(a, 'ana');
    const nasty = `Robert'); DROP TABLE initiatives;-- <img src=x onerror="window.__pwned=1"><b>bold</b>`;
    await a.page.click('[data-testid="add-project"]');
    const map = await a.page.$('[data-testid="map"]');
    const box = await map?.boundingBox();
    if (!box) throw new Error('no map');
    await a.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await a.page.waitForSelector('[data-testid="add-form"]');
    await a.page.fill('[data-testid="field-id"]', 'e2e-nasty-name');
    await a.page.fill('[data-testid="field-name_zh"]', nasty);
    await a.page.fill('[data-testid="field-name_en"]', nasty);
    await a.page.fill('[data-testid="field-source"]', 'https://example.org/nasty');
    await shot(a, '7-add-form');
    await a.page.click('[data-testid="form-save"]');
    await a.page.waitForSelector('[data-testid="add-form"]', { state: 'detached' });
    await a.page.waitForSelector('[data-testid="detail-title"]');
    expect(await a.detailTitle()).toBe(nasty);
    expect(
      await a.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    expect(await a.page.$('[data-testid="detail-panel"] img')).toBeNull();
    await shot(a, '8-nasty-name');
    const row = await (await fetch(`${BASE}api/initiatives/e2e-nasty-name`)).json();
    expect(row.name_en).toBe(nasty);
    const list = await (await fetch(`${BASE}api/initiatives`)).json();
    expect(list.items.length).toBeGreaterThan(100);
    await a.close();
  });

  it('an admin publishes a park layer for a city; a signed-out visitor sees the new coverage; withdrawn, it is gone', async () => {
    const visitor = async () => {
      const v = await Atlas.open(browser, BASE, '?cov=walk:500&city=jiyuan');
      const row = v.page.locator('[data-testid="coverage-jiyuan"]');
      await row.waitFor({ timeout: 60_000 });
      const text = (await row.textContent()) ?? '';
      await v.close();
      return text;
    };
    const before = await visitor();

    const a = await Atlas.open(browser, BASE, '?v=112.6,35.07,12');
    // Not an admin: no publish control, and the API refuses.
    await signIn(a, 'ana');
    await a.importFile('test/fixtures/e2e/jiyuan-test-park.geojson');
    expect(await a.page.locator('[data-testid="publish-layer"]').count()).toBe(0);
    const refused = await apiFrom(
      a.page,
      'PUT',
      'api/layers/parks-jiyuan',
      {},
      {
        name: 'x',
        role: 'parks',
        city_id: 'jiyuan',
        geojson: { type: 'FeatureCollection', features: [] },
      },
    );
    expect(refused.status).toBe(403);
    await a.page.click('[data-testid="signout"]');
    await signIn(a, 'ada');
    await a.page.click('[data-testid="publish-layer"] summary');
    await a.page.selectOption('[data-testid="publish-role"]', 'parks');
    await a.page.selectOption('[data-testid="publish-city"]', 'jiyuan');
    await a.page.click('[data-testid="publish-go"]');
    await expect
      .poll(() => a.page.textContent('body'), { timeout: 30_000 })
      .toMatch(/Published: coverage/);
    await shot(a, '9-published');
    await a.close();

    const after = await visitor();
    expect(after).not.toEqual(before);
    expect(share(after)).toBeGreaterThan(share(before));

    // The admin withdraws it: it replaced the city's park layer loaded from data/ on the first
    // start, so Jiyuan has no park layer left and the visitor's coverage drops.
    const w = await Atlas.open(browser, BASE);
    await signIn(w, 'ada');
    await w.page.click('[data-testid="published-layers-open"]');
    const item = w.page.locator('[data-testid="published-layer"][data-id="parks-jiyuan"]');
    await item.waitFor();
    await shot(w, '9b-published-layers');
    w.page.once('dialog', (d) => void d.accept());
    await item.locator('[data-testid="withdraw-layer"]').click();
    await item.waitFor({ state: 'detached' });
    await w.close();
    const withdrawn = share(await visitor());
    expect(Number.isNaN(withdrawn) || withdrawn < share(after)).toBe(true);
  }, 300_000);

  it('an editor deletes a project and undoes it: gone from table and API, then back with its history', async () => {
    const a = await Atlas.open(browser, BASE);
    await signIn(a, 'ana');
    const ids = await a.ledgerIds();
    const id = ids.find((x) => x !== ROW && x !== 'tz-green-heart' && x !== 'e2e-nasty-name');
    if (!id) throw new Error('no row to delete');
    await openRow(a, id);
    a.page.once('dialog', (d) => void d.accept());
    await a.page.click('[data-testid="delete"]');
    await a.page.waitForSelector('[data-testid="undo-bar"]');
    await a.page.waitForSelector(`[data-testid="ledger-row"][data-id="${id}"]`, {
      state: 'detached',
    });
    expect((await fetch(`${BASE}api/initiatives/${id}`)).status).toBe(404);
    await shot(a, '10-undo-bar');
    await a.page.click('[data-testid="undo"]');
    await a.page.waitForSelector(`[data-testid="ledger-row"][data-id="${id}"]`);
    const row = await (await fetch(`${BASE}api/initiatives/${id}`)).json();
    expect(row.version).toBe(3);
    const hist = await (await fetch(`${BASE}api/initiatives/${id}/history`)).json();
    expect(hist.changes.map((c: { action: string; by: string }) => `${c.action}:${c.by}`)).toEqual(
      expect.arrayContaining(['delete:ana', 'restore:ana']),
    );
    expect(a.errors.filter((e) => !/401/.test(e))).toEqual([]);
    await a.close();
  }, 180_000);

  it('an editor imports a ledger file as an update: a preview, then one batch', async () => {
    const list = (await (await fetch(`${BASE}api/initiatives`)).json()) as {
      items: Record<string, unknown>[];
    };
    const header = readFileSync('data/initiatives.csv', 'utf8').split(/\r?\n/)[0] ?? '';
    const columns = header.split(',');
    const changed = list.items.find((r) => r.id !== ROW && r.id !== 'tz-green-heart');
    if (!changed) throw new Error('no row to change');
    const fresh = {
      ...changed,
      id: 'e2e-imported-row',
      name_en: 'Imported by e2e',
      name_zh: '导入的项目',
    };
    const edited = { ...changed, description: 'Changed through an imported file.' };
    const csv = Papa.unparse({
      fields: columns,
      data: ([edited, fresh] as Record<string, unknown>[]).map((r) =>
        columns.map((c) => r[c] ?? ''),
      ),
    });
    const file = join(dataDir, 'ledger-update.csv');
    writeFileSync(file, csv);

    const a = await Atlas.open(browser, BASE);
    await signIn(a, 'ana');
    await a.page.click('[data-testid="import-ledger"]');
    await a.page.setInputFiles('[data-testid="ledger-import-file"]', file);
    await a.page
      .waitForSelector('[data-testid="import-preview"]', { timeout: 60_000 })
      .catch((e: unknown) => {
        throw new Error(
          `no preview (page errors: ${a.errors.join(' | ') || 'none'}): ${String(e)}`,
        );
      });
    const count = async (what: string) =>
      Number.parseInt((await a.page.textContent(`[data-testid="import-${what}"]`)) ?? '', 10);
    expect(await count('new')).toBe(1);
    expect(await count('changed')).toBe(1);
    expect(await count('unchanged')).toBe(0);
    expect(await count('missing')).toBe(list.items.length - 1);
    await shot(a, '11-import-preview');
    await a.page.click('[data-testid="import-apply"]');
    await a.page.waitForSelector('[data-testid="import-dialog"]', { state: 'detached' });
    await a.page.waitForSelector('[data-testid="ledger-row"][data-id="e2e-imported-row"]');

    const row = await (await fetch(`${BASE}api/initiatives/${String(changed.id)}`)).json();
    expect(row.description).toBe('Changed through an imported file.');
    const after = (await (await fetch(`${BASE}api/initiatives`)).json()) as { items: unknown[] };
    // Missing rows are kept unless the user asks to delete them.
    expect(after.items).toHaveLength(list.items.length + 1);
    const hist = await (await fetch(`${BASE}api/initiatives/${String(changed.id)}/history`)).json();
    const last = hist.changes.at(-1) as { batch: string | null; by: string };
    expect(last.by).toBe('ana');
    expect(last.batch).toBeTruthy();
    // The only console error allowed: GET /api/me answering 401 before the sign-in.
    expect(a.errors.filter((e) => !/401/.test(e))).toEqual([]);
    await a.close();
  }, 180_000);
});
