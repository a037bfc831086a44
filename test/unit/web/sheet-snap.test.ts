import { describe, expect, it } from 'vitest';
import { nearestSnap, stepSnap } from '../../../src/web/ui/sheet/sheet-store.ts';

// A 390 x 844 phone: 795 px under the header; peek 56, half 45 % = 358, full 787.
const H = { peek: 56, half: 358, full: 787 };

describe('the bottom sheet: where a drag comes to rest', () => {
  it('rests at the nearest snap when let go slowly', () => {
    expect(nearestSnap(60, H)).toBe('peek');
    expect(nearestSnap(206, H)).toBe('peek'); // 150 from peek, 152 from half
    expect(nearestSnap(208, H)).toBe('half');
    expect(nearestSnap(572, H)).toBe('half'); // 214 from half, 215 from full
    expect(nearestSnap(574, H)).toBe('full');
    expect(nearestSnap(900, H)).toBe('full');
  });

  it('goes on to the next snap in the direction of a flick', () => {
    expect(nearestSnap(100, H, 1.2)).toBe('half'); // up, just above peek
    expect(nearestSnap(400, H, 1.2)).toBe('full'); // up, past half
    expect(nearestSnap(787, H, 1.2)).toBe('full'); // nothing above full
    expect(nearestSnap(700, H, -1.2)).toBe('half'); // down, from near full
    expect(nearestSnap(300, H, -1.2)).toBe('peek'); // down, below half
    expect(nearestSnap(56, H, -1.2)).toBe('peek');
    expect(nearestSnap(100, H, 0.4)).toBe('peek'); // too slow to be a flick
  });

  it('steps one snap with the keyboard, never past the ends', () => {
    expect(stepSnap('peek', 1)).toBe('half');
    expect(stepSnap('half', 1)).toBe('full');
    expect(stepSnap('full', 1)).toBe('full');
    expect(stepSnap('full', -1)).toBe('half');
    expect(stepSnap('peek', -1)).toBe('peek');
  });
});
