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
