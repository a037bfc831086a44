/**
 * Renders the live map's style and view again in a hidden MapLibre map of the output's CSS size
 * and pixel ratio, waits until it is idle (every source loaded, every label placed), and copies
 * its canvas. Never hangs: a time limit and an AbortSignal end it, and the map is always removed.
 */
import { Map as MapLibreMap } from 'maplibre-gl';
import type { Size } from '../../core/print/page.ts';
import { withSeaLayer } from '../map/basemap-style.ts';
import type { BigPointsShown } from '../map/big-points-shown.ts';
import { LOCAL_CJK_FONTS } from '../map/ids.ts';
import { type FrameWait, waitForCompleteFrame } from './frame-wait.ts';
import type { PrintPoints } from './print-points.ts';

export interface RenderRequest {
  live: MapLibreMap;
  /** CSS size of the output map. */
  css: Size;
  pixelRatio: number;
  center: [number, number];
  zoom: number;
  /** Frame these bounds (west, south, east, north) instead of center/zoom (a region's PDF). */
  bounds?: [number, number, number, number];
  /** Big point layers to draw (deck.gl, loaded only when there are some). */
  points: readonly BigPointsShown[];
  signal: AbortSignal;
  timeoutMs: number;
}

export interface RenderResult {
  canvas: HTMLCanvasElement;
  /** The pixel ratio MapLibre used (lower than asked when the GPU cannot draw that large). */
  pixelRatio: number;
  /** The largest canvas side this GPU draws. */
  maxSide: number;
  /** The view drawn (for the scale bar). */
  centerLat: number;
  zoom: number;
  ms: number;
  /** Frames MapLibre drew until the copy; ms from the start to the style loaded and to the first frame. */
  frames: number;
  /** Of which drawn at the small draft pixel ratio. */
  draftFrames: number;
  /** ms until the draft was loaded and idle. */
  draftMs: number;
  styleMs: number;
  firstFrameMs: number;
}

/**
 * The pixel ratio the offscreen map loads its data at, before it draws once at the print's. Low
 * enough that its frames cost little; any ratio gives the same tiles and label placement.
 */
const DRAFT_PIXEL_RATIO = 0.25;

export class RenderError extends Error {
  constructor(
    readonly kind: 'timeout' | 'aborted' | 'failed',
    message: string,
  ) {
    super(message);
  }
}

/**
 * The largest drawable canvas side of this browser's WebGL (renderbuffer, texture and viewport
 * limits), read from the live map's own context (creating a context to ask took 0.5 s and more
 * in software WebGL), else from a new one.
 */
export function glMaxSide(live?: MapLibreMap): number {
  const own = live?.getCanvas().getContext('webgl2') ?? null;
  const gl = own ?? document.createElement('canvas').getContext('webgl2');
  if (!gl) return 4096;
  const vp = gl.getParameter(gl.MAX_VIEWPORT_DIMS) as Int32Array;
  const side = Math.min(
    gl.getParameter(gl.MAX_RENDERBUFFER_SIZE) as number,
    gl.getParameter(gl.MAX_TEXTURE_SIZE) as number,
    vp[0] ?? 4096,
    vp[1] ?? 4096,
  );
  if (!own) gl.getExtension('WEBGL_lose_context')?.loseContext();
  return side;
}

export async function renderMap(r: RenderRequest): Promise<RenderResult> {
  const t0 = performance.now();
  // The live map's sea is its CSS background; the copied canvas needs it drawn.
  const style = withSeaLayer(r.live.getStyle());
  const pointsModule = r.points.length ? import('./print-points.ts') : null;
  const maxSide = glMaxSide(r.live);
  const box = document.createElement('div');
  // Laid out (MapLibre reads its size) but out of sight and out of the accessibility tree.
  box.setAttribute('aria-hidden', 'true');
  box.dataset.testid = 'print-offscreen-map';
  Object.assign(box.style, {
    position: 'fixed',
    left: '-100000px',
    top: '0',
    width: `${r.css.width}px`,
    height: `${r.css.height}px`,
    visibility: 'hidden',
    pointerEvents: 'none',
  });
  document.body.append(box);
  let map: MapLibreMap | null = null;
  const points: { current: PrintPoints | null } = { current: null };
  let stopWait = () => {};
  try {
    map = new MapLibreMap({
      container: box,
      style,
      center: r.center,
      zoom: r.zoom,
      ...(r.bounds ? { bounds: r.bounds, fitBoundsOptions: { padding: 40, maxZoom: 15 } } : {}),
      bearing: 0,
      pitch: 0,
      // Loaded at a small pixel ratio first (below), drawn at the print's once.
      pixelRatio: Math.min(DRAFT_PIXEL_RATIO, r.pixelRatio),
      maxCanvasSize: [maxSide, maxSide],
      canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
      interactive: false,
      attributionControl: false,
      fadeDuration: 0,
      localIdeographFontFamily: LOCAL_CJK_FONTS,
      maxZoom: 22,
    });
    const m = map;
    let frames = 0;
    let firstFrameMs = 0;
    let styleMs = 0;
    m.on('render', () => {
      if (frames++ === 0) firstFrameMs = performance.now() - t0;
    });
    m.once('style.load', () => {
      styleMs = performance.now() - t0;
    });
    // Ends the waits below: the time limit, Cancel, a lost context.
    const guard = new Promise<never>((_resolve, reject) => {
      const timer = setTimeout(
        () => reject(new RenderError('timeout', `no idle in ${r.timeoutMs} ms`)),
        r.timeoutMs,
      );
      const onAbort = () => reject(new RenderError('aborted', 'cancelled'));
      if (r.signal.aborted) onAbort();
      r.signal.addEventListener('abort', onAbort, { once: true });
      m.once('webglcontextlost', () => reject(new RenderError('failed', 'WebGL context lost')));
      stopWait = () => {
        clearTimeout(timer);
        r.signal.removeEventListener('abort', onAbort);
      };
    });
    guard.catch(() => {});
    const settle = async (wait: FrameWait) => {
      try {
        await Promise.race([wait.done, guard]);
      } finally {
        wait.stop();
      }
    };
    // 1. Every tile, glyph and label loaded and placed, drawn small: tiles, labels and their
    // collisions are laid out in CSS pixels, so none of this depends on the pixel ratio, and
    // each print-sized frame costs 1-3 s in software WebGL (4-6 of them were drawn while the
    // data came in).
    await settle(waitForCompleteFrame(m, () => true));
    const draftFrames = frames;
    const draftMs = performance.now() - t0;
    // 2. The print's pixel ratio, the big point layers added (deck.gl reads the canvas's final
    // size when it starts), and copied at the first idle whose frame has them all drawn.
    m.setPixelRatio(r.pixelRatio);
    if (pointsModule) {
      const mod = await Promise.race([pointsModule, guard]);
      points.current = mod.addPrintPoints(m, r.points);
    }
    const full = waitForCompleteFrame(m, () =>
      points.current ? points.current.frameComplete() : true,
    );
    m.triggerRepaint();
    await settle(full);
    // Copy the drawing buffer (kept by preserveDrawingBuffer) before the map goes away.
    const src = m.getCanvas();
    const out = document.createElement('canvas');
    out.width = src.width;
    out.height = src.height;
    // In memory, not on the GPU (see compose.ts).
    const ctx = out.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new RenderError('failed', 'no 2D canvas');
    ctx.drawImage(src, 0, 0);
    return {
      canvas: out,
      // The ratio drawn: lower than asked when the canvas was capped (maxCanvasSize, the GPU).
      pixelRatio: src.width / r.css.width,
      maxSide,
      centerLat: m.getCenter().lat,
      zoom: m.getZoom(),
      ms: performance.now() - t0,
      frames,
      draftFrames,
      draftMs,
      styleMs,
      firstFrameMs,
    };
  } finally {
    // Freeing a print-sized GL context takes seconds in software WebGL: after the image is out.
    stopWait();
    const done = map;
    setTimeout(() => {
      points.current?.remove();
      done?.remove();
      box.remove();
    }, 1000);
  }
}
