/**
 * When to copy a print's canvas: at the first 'idle' (every source loaded, every label placed)
 * that ends a complete frame. MapLibre fires 'render' once a frame is drawn and then 'idle' if
 * nothing is left to do, so each 'render' asks `frameComplete` whether everything else drawn
 * outside MapLibre's style (deck.gl's big point layers) made it into that frame. An 'idle' after
 * an incomplete frame (deck.gl still setting up, a shader still compiling) asks for another
 * frame after `retryMs`, until the caller's timeout or abort ends the wait.
 */
export interface FrameSource {
  on(type: 'render' | 'idle', listener: () => void): unknown;
  off(type: 'render' | 'idle', listener: () => void): unknown;
  triggerRepaint(): void;
}

export interface FrameWait {
  /** Resolves at the first idle after a complete frame. */
  done: Promise<void>;
  /** Stops listening (the promise then never settles). */
  stop(): void;
}

export function waitForCompleteFrame(
  map: FrameSource,
  frameComplete: () => boolean,
  retryMs = 250,
): FrameWait {
  let complete = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let resolveDone: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    resolveDone = resolve;
  });
  const onRender = () => {
    complete = frameComplete();
  };
  const onIdle = () => {
    if (complete) {
      stop();
      resolveDone();
      return;
    }
    clearTimeout(retry);
    retry = setTimeout(() => map.triggerRepaint(), retryMs);
  };
  const stop = () => {
    clearTimeout(retry);
    map.off('render', onRender);
    map.off('idle', onIdle);
  };
  map.on('render', onRender);
  map.on('idle', onIdle);
  return { done, stop };
}
