/**
 * Debian's Chromium as the browser tests and bench:browser launch it: headless, no sandbox (CI
 * runs as root), software WebGL (SwiftShader), nothing phoning home. Never a downloaded browser.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

/**
 * Offline at the browser's own level, for measurements: every request that is not to this
 * machine goes to a proxy on a port nothing listens on (Chromium never proxies loopback), so it
 * fails at once. Playwright's page.route would do the same but pauses every request, local ones
 * included, for a round trip to Node: it added up to a second to the first map it measured.
 */
export const OFFLINE_ARGS: readonly string[] = ['--proxy-server=http://127.0.0.1:9'];
