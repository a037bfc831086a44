import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FORMAT_FIXTURES = join(import.meta.dirname, '../../fixtures/formats');

/** The bytes of test/fixtures/formats/<name>. */
export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FORMAT_FIXTURES, name)));
}
