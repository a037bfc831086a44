/**
 * An admin publishes an imported layer for a city (its parks, residential land or population):
 * PUT /api/layers/<role>-<city>, checked on the server like an import. Publishing parks for a
 * city replaces that city's park layer, so coverage, the scorecard and region results change for
 * every visitor, signed in or not. Shown only to an admin of a running atlas server; the server
 * checks the role again.
 */
import { useState } from 'react';
import type { CityEntry } from '../../../core/ledger/model.ts';
import type { ImportedLayer } from '../../../core/workspace/model.ts';
import { api, type PublishRole, publishLayer } from '../../api/client.ts';
import { withPublishedLayers } from '../../app/publishedLayers.ts';
import { pick } from '../../i18n/useT.ts';
import { useAtlas } from '../../state/store.ts';
import { useEdit } from './edit-store.ts';
import { notifyError, notifyInfo } from './ledger-actions.ts';
import { useEditT } from './strings.ts';

const ROLES: readonly {
  role: PublishRole;
  key: 'roleParks' | 'roleResidential' | 'rolePopulation';
}[] = [
  { role: 'parks', key: 'roleParks' },
  { role: 'residential', key: 'roleResidential' },
  { role: 'population', key: 'rolePopulation' },
];

const API_BASE = `${import.meta.env.BASE_URL}api/`;
/** One empty list: a selector must not return a new array on every call (an update loop). */
const NO_CITIES: readonly CityEntry[] = [];

export function PublishLayer({ layer }: { layer: ImportedLayer }) {
  const t = useEditT();
  const isAdmin = useEdit((s) => s.server === 'up' && s.user?.role === 'admin');
  const cities = useAtlas((s) => s.data?.catalog.cities ?? NO_CITIES);
  const lang = useAtlas((s) => s.lang);
  const [role, setRole] = useState<PublishRole>('parks');
  const [city, setCity] = useState('');
  const [busy, setBusy] = useState(false);
  if (!isAdmin || layer.kind !== 'features') return null;
  const cityId = city || cities[0]?.id || '';

  const publish = async () => {
    setBusy(true);
    try {
      await publishLayer(api, {
        id: `${role}-${cityId}`,
        name: layer.name,
        role,
        city_id: cityId,
        geojson: layer.data,
      });
      // Everyone's figures follow the published layers: reload them here too.
      const data = useAtlas.getState().data;
      if (data) useAtlas.getState().setData(await withPublishedLayers(data, API_BASE, fetch));
      notifyInfo(t('publishDone'), 'layer-published');
    } catch (e) {
      notifyError(e, 'layer-publish');
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="publish" data-testid="publish-layer">
      <summary>{t('publish')}</summary>
      <label>
        {t('publishAs')}{' '}
        <select
          value={role}
          onChange={(e) => setRole(e.target.value as PublishRole)}
          data-testid="publish-role"
        >
          {ROLES.map((r) => (
            <option key={r.role} value={r.role}>
              {t(r.key)}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        {t('publishCity')}{' '}
        <select value={cityId} onChange={(e) => setCity(e.target.value)} data-testid="publish-city">
          {cities.map((c) => (
            <option key={c.id} value={c.id}>
              {pick(lang, c.name_zh, c.name_en)}
            </option>
          ))}
        </select>
      </label>{' '}
      <button type="button" disabled={busy || !cityId} onClick={publish} data-testid="publish-go">
        {busy ? t('publishBusy') : t('publishGo')}
      </button>
    </details>
  );
}
