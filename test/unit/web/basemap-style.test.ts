import type { GeoJSONSourceSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import {
  BASEMAP_TOLERANCE_PX,
  buildBasemapStyle,
  SEA_CSS,
  withSeaLayer,
} from '../../../src/web/map/basemap-style.ts';
import { LAYER, SOURCE } from '../../../src/web/map/ids.ts';
import { COLORS } from '../../../src/web/map/palette.ts';

const style = (context: boolean) =>
  buildBasemapStyle({ dataBase: 'data/', fontUrl: 'f.woff2', lang: 'en', online: false, context });

describe('the neighbouring counties in the basemap style', () => {
  it('are an empty source until the map asks for them, then their file', () => {
    const before = style(false).sources[SOURCE.context] as GeoJSONSourceSpecification;
    expect(before.data).toEqual({ type: 'FeatureCollection', features: [] });
    const after = style(true).sources[SOURCE.context] as GeoJSONSourceSpecification;
    expect(after.data).toBe('data/basemap/context.geojson');
  });

  it('change nothing else: the layers and the other sources are the same', () => {
    const { sources: a, layers: la } = style(false);
    const { sources: b, layers: lb } = style(true);
    expect(la).toEqual(lb);
    expect({ ...a, [SOURCE.context]: null }).toEqual({ ...b, [SOURCE.context]: null });
  });
});

describe('the basemap outlines', () => {
  it('are simplified to a pixel (context in thin lines), the default being 0.375', () => {
    for (const context of [false, true]) {
      const { sources } = style(context);
      for (const id of [SOURCE.land, SOURCE.countries, SOURCE.provinces, SOURCE.context]) {
        expect((sources[id] as GeoJSONSourceSpecification).tolerance, id).toBe(1);
      }
    }
    expect(BASEMAP_TOLERANCE_PX).toBe(1);
  });
});

describe('the sea', () => {
  it("is the live map's CSS background, not a layer repainted every frame", () => {
    for (const context of [false, true]) {
      expect(style(context).layers.filter((l) => l.type === 'background' && !l.layout)).toEqual([]);
    }
    expect(SEA_CSS.background).toBe(COLORS.sea);
  });

  it("is the bottom layer of the print's style, once, the rest unchanged", () => {
    const live = style(false);
    const print = withSeaLayer(live);
    expect(print.layers[0]).toEqual({
      id: LAYER.background,
      type: 'background',
      paint: { 'background-color': COLORS.sea },
    });
    expect(print.layers.slice(1)).toEqual(live.layers);
    expect(print.sources).toEqual(live.sources);
    expect(withSeaLayer(print).layers).toHaveLength(print.layers.length);
    expect(live.layers.some((l) => l.id === LAYER.background)).toBe(false);
  });
});
