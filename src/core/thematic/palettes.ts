/**
 * Sequential colour schemes for thematic maps, 3 to 7 classes, light (low) to dark (high), all
 * readable by colour-blind readers and in print:
 *
 * - YlGnBu, YlOrRd, Purples, Greys: ColorBrewer 2.0 by Cynthia A. Brewer, Penn State
 *   (https://colorbrewer2.org; Apache License 2.0, http://colorbrewer.org/export/LICENSE.txt), the
 *   hex values as packaged in D3's colorbrewer.js. ColorBrewer rates every sequential scheme
 *   colour-blind safe; their lightness rises steadily, so they also read in black-and-white print
 *   (Greys is the one to photocopy).
 * - viridis: Stéfan van der Walt and Nathaniel Smith's matplotlib colour map (CC0), as sampled by
 *   R's viridisLite::viridis(n): perceptually uniform, colour-blind safe, and its lightness is
 *   monotonic, so it survives greyscale printing.
 *
 * viridis runs dark (low) to light (high), the ColorBrewer schemes light to dark. "No data" is
 * white with a dashed grey outline, on the map and in the legend: the outline, not a colour, tells
 * it apart, so it is never read as a low value in any scheme (not even Greys), nor in print.
 */
export type PaletteId = 'YlGnBu' | 'YlOrRd' | 'Purples' | 'Greys' | 'viridis';
export const PALETTE_IDS: readonly PaletteId[] = [
  'YlGnBu',
  'YlOrRd',
  'Purples',
  'Greys',
  'viridis',
];

/** Classes 3..7 -> colours, low to high. */
type Steps = Readonly<Record<3 | 4 | 5 | 6 | 7, readonly string[]>>;

export const PALETTES: Readonly<Record<PaletteId, Steps>> = {
  YlGnBu: {
    3: ['#edf8b1', '#7fcdbb', '#2c7fb8'],
    4: ['#ffffcc', '#a1dab4', '#41b6c4', '#225ea8'],
    5: ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'],
    6: ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#2c7fb8', '#253494'],
    7: ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#0c2c84'],
  },
  YlOrRd: {
    3: ['#ffeda0', '#feb24c', '#f03b20'],
    4: ['#ffffb2', '#fecc5c', '#fd8d3c', '#e31a1c'],
    5: ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'],
    6: ['#ffffb2', '#fed976', '#feb24c', '#fd8d3c', '#f03b20', '#bd0026'],
    7: ['#ffffb2', '#fed976', '#feb24c', '#fd8d3c', '#fc4e2a', '#e31a1c', '#b10026'],
  },
  Purples: {
    3: ['#efedf5', '#bcbddc', '#756bb1'],
    4: ['#f2f0f7', '#cbc9e2', '#9e9ac8', '#6a51a3'],
    5: ['#f2f0f7', '#cbc9e2', '#9e9ac8', '#756bb1', '#54278f'],
    6: ['#f2f0f7', '#dadaeb', '#bcbddc', '#9e9ac8', '#756bb1', '#54278f'],
    7: ['#f2f0f7', '#dadaeb', '#bcbddc', '#9e9ac8', '#807dba', '#6a51a3', '#4a1486'],
  },
  Greys: {
    3: ['#f0f0f0', '#bdbdbd', '#636363'],
    4: ['#f7f7f7', '#cccccc', '#969696', '#525252'],
    5: ['#f7f7f7', '#cccccc', '#969696', '#636363', '#252525'],
    6: ['#f7f7f7', '#d9d9d9', '#bdbdbd', '#969696', '#636363', '#252525'],
    7: ['#f7f7f7', '#d9d9d9', '#bdbdbd', '#969696', '#737373', '#525252', '#252525'],
  },
  viridis: {
    3: ['#440154', '#21908c', '#fde725'],
    4: ['#440154', '#31688e', '#35b779', '#fde725'],
    5: ['#440154', '#3b528b', '#21908c', '#5dc863', '#fde725'],
    6: ['#440154', '#414487', '#2a788e', '#22a884', '#7ad151', '#fde725'],
    7: ['#440154', '#443a83', '#31688e', '#21908c', '#35b779', '#8fd744', '#fde725'],
  },
};

/** Where each scheme comes from (for the legend's and the print's source line). */
export const PALETTE_SOURCE: Readonly<Record<PaletteId, string>> = {
  YlGnBu: 'ColorBrewer 2.0 (C. Brewer)',
  YlOrRd: 'ColorBrewer 2.0 (C. Brewer)',
  Purples: 'ColorBrewer 2.0 (C. Brewer)',
  Greys: 'ColorBrewer 2.0 (C. Brewer)',
  viridis: 'viridis (matplotlib, viridisLite)',
};

export const NO_DATA_COLOR = '#ffffff';
export const NO_DATA_OUTLINE = '#737373';

/**
 * The colours of `n` classes (n may be 1 or 2 when the data hold that few distinct values: the
 * ends of the 3-class scheme, so that one class is the scheme's low end and two are low and
 * high), or of more than 7 never (classes are clamped to 7).
 */
export function paletteColors(id: PaletteId, n: number): string[] {
  const scheme = PALETTES[id] ?? PALETTES.YlGnBu;
  if (n <= 0) return [];
  if (n === 1) return [scheme[3][1]!];
  if (n === 2) return [scheme[3][0]!, scheme[3][2]!];
  const k = Math.min(7, n) as 3 | 4 | 5 | 6 | 7;
  return [...scheme[k]];
}
