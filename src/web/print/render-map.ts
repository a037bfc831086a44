/**
 * Renders the live map's style and view again in a hidden MapLibre map of the output's CSS size
 * and pixel ratio, waits until it is idle (every source loaded, every label placed), and copies
 * its canvas. Never hangs: a time limit and an AbortSignal end it, and the map is always removed.
 */
import { Map as MapLibreMap } from 'maplibre-gl';
import type { Size } from '../../core/print/page.ts';
import { LOCAL_CJK_FONTS } from '../map/ids.ts';

export interface RenderRequest {
  live: MapLibreMap;
  /** CSS size of the output map. */
  css: Size;
  pixelRatio: number;
  center: [number, number];
  zoom: number;
  /** Frame these bounds (west, south, east, north) instead of center/zoom (a region's PDF). */
  bounds?: [number, number, number, number];
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
}

export class RenderError extends Error {
  constructor(
    readonly kind: 'timeout' | 'aborted' | 'failed',
    message: string,
  ) {
    super(message);
  }
}

/** The largest drawable canvas side of this browser's WebGL (renderbuffer and viewport limits). */
export function glMaxSide(): number {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return 4096;
  const vp = gl.getParameter(gl.MAX_VIEWPORT_DIMS) as Int32Array;
  const side = Math.min(
    gl.getParameter(gl.MAX_RENDERBUFFER_SIZE) as number,
    gl.getParameter(gl.MAX_TEXTURE_SIZE) as number,
    vp[0] ?? 4096,
    vp[1] ?? 4096,
  );
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return side;
}

export async function renderMap(r: RenderRequest): Promise<RenderResult> {
  const t0 = performance.now();
  const style = r.live.getStyle();
  const maxSide = glMaxSide();
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
  try {
    map = new MapLibreMap({
      container: box,
      style,
      center: r.center,
      zoom: r.zoom,
      ...(r.bounds ? { bounds: r.bounds, fitBoundsOptions: { padding: 40, maxZoom: 15 } } : {}),
      bearing: 0,
      pitch: 0,
      pixelRatio: r.pixelRatio,
      maxCanvasSize: [maxSide, maxSide],
      canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
      interactive: false,
      attributionControl: false,
      fadeDuration: 0,
      localIdeographFontFamily: LOCAL_CJK_FONTS,
      maxZoom: 22,
    });
    const m = map;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new RenderError('timeout', `no idle in ${r.timeoutMs} ms`)),
        r.timeoutMs,
      );
      const onAbort = () => reject(new RenderError('aborted', 'cancelled'));
      if (r.signal.aborted) onAbort();
      r.signal.addEventListener('abort', onAbort, { once: true });
      m.once('idle', () => {
        clearTimeout(timer);
        r.signal.removeEventListener('abort', onAbort);
        resolve();
      });
      m.once('webglcontextlost', () => {
        clearTimeout(timer);
        reject(new RenderError('failed', 'WebGL context lost'));
      });
    });
    // Copy the drawing buffer (kept by preserveDrawingBuffer) before the map goes away.
    const src = m.getCanvas();
    const out = document.createElement('canvas');
    out.width = src.width;
    out.height = src.height;
    const ctx = out.getContext('2d');
    if (!ctx) throw new RenderError('failed', 'no 2D canvas');
    ctx.drawImage(src, 0, 0);
    return {
      canvas: out,
      pixelRatio: m.getPixelRatio(),
      maxSide,
      centerLat: m.getCenter().lat,
      zoom: m.getZoom(),
      ms: performance.now() - t0,
    };
  } finally {
    // Freeing a print-sized GL context takes seconds in software WebGL: after the image is out.
    const done = map;
    setTimeout(() => {
      done?.remove();
      box.remove();
    }, 1000);
  }
}
