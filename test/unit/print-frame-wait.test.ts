import { afterEach, describe, expect, it, vi } from 'vitest';
import { type FrameSource, waitForCompleteFrame } from '../../src/web/print/frame-wait.ts';

/** A map that fires 'render' then 'idle' for each frame, as MapLibre does when settled. */
class FakeMap implements FrameSource {
  private listeners = new Map<string, Set<() => void>>();
  repaints = 0;
  on(type: string, fn: () => void) {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)?.add(fn);
  }
  off(type: string, fn: () => void) {
    this.listeners.get(type)?.delete(fn);
  }
  triggerRepaint() {
    this.repaints++;
  }
  count(type: string) {
    return this.listeners.get(type)?.size ?? 0;
  }
  fire(type: string) {
    for (const fn of [...(this.listeners.get(type) ?? [])]) fn();
  }
  frame(idle = true) {
    this.fire('render');
    if (idle) this.fire('idle');
  }
}

const settled = async (p: Promise<void>) => {
  let done = false;
  void p.then(() => {
    done = true;
  });
  await Promise.resolve();
  await Promise.resolve();
  return done;
};

describe('waitForCompleteFrame', () => {
  afterEach(() => vi.useRealTimers());

  it('resolves at the first idle when nothing else draws (the map alone)', async () => {
    const map = new FakeMap();
    const w = waitForCompleteFrame(map, () => true);
    map.frame();
    expect(await settled(w.done)).toBe(true);
    expect(map.count('render') + map.count('idle')).toBe(0);
  });

  it('does not resolve at an idle whose frame lacked the points, and asks for another frame', async () => {
    vi.useFakeTimers();
    const map = new FakeMap();
    // Frame 1: deck.gl not ready, the points not drawn. Frame 2: drawn.
    const drawnIn = [false, true];
    let frame = 0;
    const w = waitForCompleteFrame(map, () => drawnIn[frame++] ?? false, 100);
    map.frame();
    expect(await settled(w.done)).toBe(false);
    expect(map.repaints).toBe(0);
    vi.advanceTimersByTime(100);
    expect(map.repaints).toBe(1);
    map.frame();
    expect(await settled(w.done)).toBe(true);
  });

  it('a complete frame that is not idle yet (tiles still loading) does not count', async () => {
    const map = new FakeMap();
    const w = waitForCompleteFrame(map, () => true);
    map.frame(false);
    expect(await settled(w.done)).toBe(false);
    map.frame();
    expect(await settled(w.done)).toBe(true);
  });

  it('judges each frame by itself: drawn in an earlier frame, missing in the idle one', async () => {
    const map = new FakeMap();
    const drawnIn = [true, false, true];
    let frame = 0;
    const w = waitForCompleteFrame(map, () => drawnIn[frame++] ?? false);
    map.frame(false); // drawn, but the map still loading
    map.frame(); // idle, points missing (e.g. a shader compiling)
    expect(await settled(w.done)).toBe(false);
    map.frame();
    expect(await settled(w.done)).toBe(true);
    w.stop();
  });

  it('stop() removes its listeners and its pending repaint', () => {
    vi.useFakeTimers();
    const map = new FakeMap();
    const w = waitForCompleteFrame(map, () => false, 100);
    map.frame();
    w.stop();
    vi.advanceTimersByTime(1000);
    expect(map.repaints).toBe(0);
    expect(map.count('render') + map.count('idle')).toBe(0);
  });
});
