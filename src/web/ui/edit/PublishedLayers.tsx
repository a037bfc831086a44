/**
 * An admin's list of the layers published for everyone (GET /api/layers), each with a Withdraw
 * button (DELETE /api/layers/:id, after a confirmation). After a withdrawal the app reloads the
 * published layers, so coverage, the scorecard and region results stop using it at once (and for
 * every other visitor at their next load). The server checks the role again.
 */
import { useCallback, useEffect, useState } from 'react';
import type { CityEntry } from '../../../core/ledger/model.ts';
import { api, type PublishedLayerInfo } from '../../api/client.ts';
import { withPublishedLayers } from '../../app/publishedLayers.ts';
import { pick } from '../../i18n/useT.ts';
import { useAtlas } from '../../state/store.ts';
import { useEdit } from './edit-store.ts';
import { notifyError, notifyInfo } from './ledger-actions.ts';
import { type EditKey, useEditT } from './strings.ts';

const API_BASE = `${import.meta.env.BASE_URL}api/`;
const NO_CITIES: readonly CityEntry[] = [];
const ROLE_KEYS: Record<string, EditKey> = {
  parks: 'roleParks',
  residential: 'roleResidential',
  population: 'rolePopulation',
  boundaries: 'roleBoundaries',
  points: 'rolePoints',
};

export function PublishedLayersButton() {
  const t = useEditT();
  const isAdmin = useEdit((s) => s.server === 'up' && s.user?.role === 'admin');
  const [open, setOpen] = useState(false);
  if (!isAdmin) return null;
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} data-testid="published-layers-open">
        {t('publishedLayers')}
      </button>
      {open && <PublishedLayersDialog onClose={() => setOpen(false)} />}
    </>
  );
}

function PublishedLayersDialog({ onClose }: { onClose: () => void }) {
  const t = useEditT();
  const lang = useAtlas((s) => s.lang);
  const cities = useAtlas((s) => s.data?.catalog.cities ?? NO_CITIES);
  const [layers, setLayers] = useState<PublishedLayerInfo[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setLayers(await api.layers());
    } catch (e) {
      notifyError(e, 'published-layers');
      setLayers([]);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const cityName = (id: string | null) => {
    if (!id) return t('allCities');
    const c = cities.find((x) => x.id === id);
    return c ? pick(lang, c.name_zh, c.name_en) : id;
  };

  const withdraw = async (layer: PublishedLayerInfo) => {
    if (!window.confirm(`${t('confirmWithdraw')}\n\n${layer.name}`)) return;
    setBusy(layer.id);
    try {
      await api.withdrawLayer(layer.id);
      const data = useAtlas.getState().data;
      if (data) useAtlas.getState().setData(await withPublishedLayers(data, API_BASE, fetch));
      notifyInfo(t('withdrawDone'), 'layer-withdrawn');
      await load();
    } catch (e) {
      notifyError(e, 'layer-withdraw');
    } finally {
      setBusy(null);
    }
  };

  return (
    <div
      className="modal"
      role="dialog"
      aria-modal="true"
      aria-labelledby="published-h"
      data-testid="published-layers"
    >
      <div className="modal-body wide">
        <h2 id="published-h">{t('publishedTitle')}</h2>
        {layers === null && <p className="muted">{t('publishedLoading')}</p>}
        {layers?.length === 0 && <p className="muted">{t('publishedNone')}</p>}
        {layers && layers.length > 0 && (
          <ul className="published-list">
            {layers.map((l) => (
              <li key={l.id} data-testid="published-layer" data-id={l.id}>
                <span>
                  <strong>{l.name}</strong> ·{' '}
                  {ROLE_KEYS[l.role] ? t(ROLE_KEYS[l.role] as EditKey) : l.role} ·{' '}
                  {cityName(l.city_id)} ·{' '}
                  {l.features.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US')}{' '}
                  {t('publishedFeatures')}
                  {l.updated_by ? ` · ${t('publishedBy')} ${l.updated_by}` : ''}
                  {l.updated_at
                    ? ` · ${new Date(l.updated_at).toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en-GB')}`
                    : ''}
                </span>{' '}
                <button
                  type="button"
                  className="danger"
                  disabled={busy !== null}
                  onClick={() => void withdraw(l)}
                  data-testid="withdraw-layer"
                >
                  {t('withdraw')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="form-actions">
          <button type="button" onClick={onClose} data-testid="published-layers-close">
            {t('close')}
          </button>
        </div>
      </div>
    </div>
  );
}
