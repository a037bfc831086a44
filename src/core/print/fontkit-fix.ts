/**
 * Works around a known bug of @pdf-lib/fontkit 1.1 (pdf-lib's fork of fontkit): a TrueType
 * subset under 64 KB gets a short `loca` table (offsets stored halved) while its glyph records
 * are copied at their own, possibly odd, lengths, so every glyph after an odd-length one points
 * one byte off and renders blank or garbled (Hopding/pdf-lib#1232; fixed upstream in fontkit 1.8
 * by foliojs/fontkit#191). Here every copied glyph record is padded to an even length (a trailing
 * zero byte, which TrueType allows), so the halved offsets stay exact.
 */
import fontkit from '@pdf-lib/fontkit';

interface SubsetState {
  glyf: Uint8Array[];
  offset: number;
}
type AddGlyph = (this: SubsetState, gid: number) => number;

let patched = false;

/** Patches the TrueType subset class once (found through a subset of `fontBytes`). */
export function padSubsetGlyphs(fontBytes: Uint8Array): void {
  if (patched) return;
  const proto = Object.getPrototypeOf(fontkit.create(fontBytes).createSubset()) as {
    _addGlyph?: AddGlyph;
  };
  const original = proto._addGlyph;
  // A CFF font's subset, or a fontkit without this method: nothing to patch.
  if (typeof original !== 'function') return;
  proto._addGlyph = function (this: SubsetState, gid: number): number {
    const id = original.call(this, gid);
    const last = this.glyf[this.glyf.length - 1];
    if (last && last.length % 2 === 1) {
      const Same = last.constructor as new (length: number) => Uint8Array;
      const padded = new Same(last.length + 1);
      padded.set(last);
      this.glyf[this.glyf.length - 1] = padded;
      this.offset += 1;
    }
    return id;
  };
  patched = true;
}
