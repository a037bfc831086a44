import type { Browser, CDPSession } from 'playwright-core';

/** Summed CPU time (s) of every process of the browser (CDP SystemInfo.getProcessInfo). */
async function cpuSeconds(cdp: CDPSession): Promise<number> {
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as {
    processInfo: { cpuTime: number }[];
  };
  return processInfo.reduce((s, p) => s + p.cpuTime, 0);
}

/**
 * Waits until the browser has settled: its processes together used less than `share` of one core
 * over a `windowMs` window (or `maxMs` passed). A new browser context opens a new window, and
 * Chromium 156 then loads its own omnibox popup (a WebUI page, about 2.4 s of CPU on this
 * machine) in a renderer of its own; measured without this wait, that work ran during the first
 * 2.5 s of our page's load and added about 1 s to the first map. A user's browser window is
 * open before they load the app, so each run starts once the window's own start-up is done.
 */
export async function browserQuiet(
  browser: Browser,
  { windowMs = 300, share = 0.15, maxMs = 10_000 } = {},
): Promise<number> {
  const cdp = await browser.newBrowserCDPSession();
  const t0 = Date.now();
  try {
    let before = await cpuSeconds(cdp);
    while (Date.now() - t0 < maxMs) {
      await new Promise((r) => setTimeout(r, windowMs));
      const now = await cpuSeconds(cdp);
      if ((now - before) * 1000 < windowMs * share) break;
      before = now;
    }
  } finally {
    await cdp.detach();
  }
  return Date.now() - t0;
}
