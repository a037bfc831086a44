import type { GeoJSONSourceSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { buildBasemapStyle } from '../../../src/web/map/basemap-style.ts';
import { SOURCE } from '../../../src/web/map/ids.ts';

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
