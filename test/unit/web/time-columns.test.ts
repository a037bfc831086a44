import { describe, expect, it } from 'vitest';
import { readColumns } from '../../../src/web/state/time-store.ts';

describe('the stored timeline columns', () => {
  it('reads each layer\'s chosen column, or null for "not on the timeline"', () => {
    expect(readColumns('{"l1":"opened","l2":null}')).toEqual({ l1: 'opened', l2: null });
  });
  it('ignores what it cannot read, entry by entry', () => {
    expect(readColumns(null)).toEqual({});
    expect(readColumns('not json')).toEqual({});
    expect(readColumns('[1,2]')).toEqual({});
    expect(readColumns('{"l1":3,"l2":"built"}')).toEqual({ l2: 'built' });
  });
});
