import { describe, expect, it } from 'vitest';
import { buildBasemapStyle } from '../../../src/web/map/basemap-style.ts';
import { SLOT } from '../../../src/web/map/slots.ts';

describe('layer slots', () => {
  const style = (online: boolean) =>
    buildBasemapStyle({ dataBase: 'data/', fontUrl: 'f.woff2', lang: 'en', online, context: true });

  it.each([false, true])(
    'the base style (online %s) ends with every slot, hidden, in order',
    (online) => {
      const layers = style(online).layers;
      const slots = layers.slice(-Object.keys(SLOT).length);
      expect(slots.map((l) => l.id)).toEqual([
        'slot-areas',
        'slot-analysis',
        'slot-imported',
        'slot-parks',
        'slot-projects',
        'slot-labels',
        'slot-site-unknown',
        'slot-regions',
        'slot-marks',
      ]);
      for (const l of slots)
        expect([l.id, l.type, l.layout]).toEqual([l.id, 'background', { visibility: 'none' }]);
    },
  );
});
