import './sheet.css';
import { type KeyboardEvent, type PointerEvent, type ReactNode, useEffect, useRef } from 'react';
import { useT } from '../../i18n/useT.ts';
import { nearestSnap, type Snap, stepSnap, useSheet } from './sheet-store.ts';

/** The peek height (px): the handle and one summary line. Kept in step with sheet.css. */
export const PEEK_PX = 56;
/** The half snap, as a share of the space under the header: the map keeps the rest. */
const HALF_SHARE = 0.45;

function snapHeights(container: number): Record<Snap, number> {
  return {
    peek: PEEK_PX,
    half: Math.round(container * HALF_SHARE),
    full: Math.max(PEEK_PX, container - 8),
  };
}

interface Drag {
  pointer: number;
  startY: number;
  startH: number;
  lastY: number;
  lastT: number;
  velocity: number;
  moved: boolean;
}

/**
 * A bottom sheet for phones: a handle with a summary line (peek), half and full heights.
 * Drag the handle with a finger or the mouse; the handle is a button (Enter/Space opens or
 * closes, ArrowUp/ArrowDown step, aria-expanded says whether the panels show), and a second
 * button switches between half and full. The sheet's real height changes (it is not slid
 * off-screen), so what scrolls inside it can always be scrolled to its end.
 */
export function BottomSheet({ summary, children }: { summary: ReactNode; children: ReactNode }) {
  const t = useT();
  const snap = useSheet((s) => s.snap);
  const ref = useRef<HTMLElement>(null);
  const drag = useRef<Drag | null>(null);
  const suppressClick = useRef(false);
  const set = (next: Snap) => useSheet.setState({ snap: next });

  // What the sheet covers of the map (px above the peek), for the map's padding.
  useEffect(() => {
    const el = ref.current;
    const parent = el?.parentElement;
    if (!el || !parent) return;
    const update = () => {
      const h = snapHeights(parent.clientHeight)[useSheet.getState().snap];
      useSheet.setState({ cover: Math.max(0, h - PEEK_PX) });
    };
    update();
    const ro = new ResizeObserver(update);
    ro.observe(parent);
    const unsub = useSheet.subscribe((s, prev) => {
      if (s.snap !== prev.snap) update();
    });
    return () => {
      ro.disconnect();
      unsub();
      useSheet.setState({ cover: 0 });
    };
  }, []);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    suppressClick.current = false;
    if (e.button !== 0 || !ref.current) return;
    const h = ref.current.getBoundingClientRect().height;
    drag.current = {
      pointer: e.pointerId,
      startY: e.clientY,
      startH: h,
      lastY: e.clientY,
      lastT: e.timeStamp,
      velocity: 0,
      moved: false,
    };
    // The finger may lift away from the handle before any move was delivered (a busy page), so
    // before the drag captured the pointer: the window still hears it.
    const end = (ev: globalThis.PointerEvent) => {
      if (ev.pointerId !== e.pointerId) return;
      window.removeEventListener('pointerup', end);
      window.removeEventListener('pointercancel', end);
      onPointerEnd(ev);
    };
    window.addEventListener('pointerup', end);
    window.addEventListener('pointercancel', end);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    const el = ref.current;
    if (!d || !el || e.pointerId !== d.pointer) return;
    if (!d.moved) {
      if (Math.abs(e.clientY - d.startY) < 6) return;
      // Captured only once it is a drag, so that a tap still clicks the handle button.
      d.moved = true;
      e.currentTarget.setPointerCapture(e.pointerId);
    }
    const dt = Math.max(1, e.timeStamp - d.lastT);
    d.velocity = (d.lastY - e.clientY) / dt;
    d.lastY = e.clientY;
    d.lastT = e.timeStamp;
    const max = el.parentElement?.clientHeight ?? window.innerHeight;
    const h = Math.min(max - 8, Math.max(PEEK_PX, d.startH + d.startY - e.clientY));
    el.style.height = `${h}px`;
    el.dataset.dragging = 'true';
  };
  const onPointerEnd = (e: Pick<PointerEvent, 'pointerId' | 'clientY' | 'timeStamp'>) => {
    const d = drag.current;
    const el = ref.current;
    if (!d || !el || e.pointerId !== d.pointer) return;
    drag.current = null;
    // Judged from where the finger lifted: a busy page may deliver no move event in between.
    const dy = d.startY - e.clientY;
    if (!d.moved && Math.abs(dy) < 6) return;
    suppressClick.current = true;
    el.style.height = '';
    delete el.dataset.dragging;
    const container = el.parentElement?.clientHeight ?? window.innerHeight;
    const h = Math.min(container - 8, Math.max(PEEK_PX, d.startH + dy));
    // A finger that stopped before letting go is not a flick.
    const velocity = !d.moved
      ? dy / Math.max(1, e.timeStamp - d.lastT)
      : e.timeStamp - d.lastT > 120
        ? 0
        : d.velocity;
    set(nearestSnap(h, snapHeights(container), velocity));
  };

  const onHandleClick = () => {
    if (suppressClick.current) {
      suppressClick.current = false;
      return;
    }
    set(snap === 'peek' ? 'half' : 'peek');
  };
  const onHandleKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      set(stepSnap(snap, e.key === 'ArrowUp' ? 1 : -1));
    }
  };

  const open = snap !== 'peek';
  return (
    <section
      ref={ref}
      className="sheet"
      data-snap={snap}
      data-testid="sheet"
      aria-label={t('sheetLabel')}
    >
      <div
        className="sheet-bar"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerEnd}
        onPointerCancel={onPointerEnd}
      >
        <button
          type="button"
          className="sheet-handle"
          data-testid="sheet-handle"
          aria-expanded={open}
          aria-controls="sheet-body"
          title={open ? t('sheetClose') : t('sheetOpen')}
          onClick={onHandleClick}
          onKeyDown={onHandleKey}
        >
          <span className="grabber" aria-hidden="true" />
          <span className="sheet-summary" data-testid="sheet-summary">
            {summary}
          </span>
        </button>
        <button
          type="button"
          className="sheet-size"
          data-testid="sheet-size"
          aria-label={snap === 'full' ? t('sheetHalf') : t('sheetFull')}
          title={snap === 'full' ? t('sheetHalf') : t('sheetFull')}
          onClick={() => set(snap === 'full' ? 'half' : 'full')}
        >
          {snap === 'full' ? '⌄' : '⌃'}
        </button>
      </div>
      <div id="sheet-body" className="sheet-body" inert={!open}>
        {children}
      </div>
    </section>
  );
}
