/**
 * Entry point of the `atlas` CLI (run with tsx: `npm run atlas -- ...`, `npx atlas ...` through
 * bin/atlas.mjs, or `node --import tsx cli/atlas.ts ...`). See `atlas --help`.
 */
import { writeFileSync } from 'node:fs';
import { main } from './main.ts';

const code = await main(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  errIsTTY: process.stderr.isTTY === true,
  writeFile: (path, text) => writeFileSync(path, text),
});
// exitCode, not exit(): let stdout drain when it is a pipe.
process.exitCode = code;
