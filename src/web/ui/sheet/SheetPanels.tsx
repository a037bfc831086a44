import { useEffect } from 'react';
import { pick, useT } from '../../i18n/useT.ts';
import { useAtlas } from '../../state/store.ts';
import { useFilteredInitiatives } from '../../state/useFiltered.ts';
import { useWorkspace } from '../../workspace/store.ts';
import { CityFigures } from '../CityFigures.tsx';
import { DetailPanel } from '../DetailPanel.tsx';
import { Filters } from '../Filters.tsx';
import { GreenAccess } from '../GreenAccess.tsx';
import { DataNotes, LayerToggles, Legend } from '../LayersAndLegend.tsx';
import { LedgerTable } from '../LedgerTable.tsx';
import { ThematicPanel } from '../ThematicPanel.tsx';
import { TotalsBar } from '../TotalsBar.tsx';
import { ImportPanel } from '../workspace/ImportPanel.tsx';
import { RegionsPanel } from '../workspace/RegionsPanel.tsx';
import { BottomSheet } from './BottomSheet.tsx';
import { SHEET_TABS, type SheetTab, useSheet } from './sheet-store.ts';

const TAB_LABEL = {
  ledger: 'tabLedger',
  filters: 'filters',
  green: 'tabGreen',
  regions: 'tabRegions',
  layers: 'layers',
} as const satisfies Record<SheetTab, string>;

/** The name of what is selected (a project, a green space or a city), for the peek line. */
function useSelectionName(): string | null {
  const lang = useAtlas((s) => s.lang);
  return useAtlas((s) => {
    const sel = s.selection;
    const data = s.data;
    if (!sel || !data) return null;
    if (sel.kind === 'initiative') {
      const r = data.initiatives.find((x) => x.id === sel.id);
      return r ? pick(lang, r.name_zh, r.name_en) : null;
    }
    const fc = sel.kind === 'green' ? data.green : data.boundaries;
    const p = fc?.features.find((f) => f.properties.id === sel.id)?.properties;
    return p ? pick(lang, p.name_zh, p.name_en) : null;
  });
}

function Summary() {
  const t = useT();
  const count = useFilteredInitiatives().length;
  const name = useSelectionName();
  const drawing = useWorkspace((s) => s.drawMode !== null);
  if (drawing) return <span className="sheet-hint">{t('wsDrawHintTouch')}</span>;
  return (
    <>
      <strong>{t('summaryProjects').replace('{n}', String(count))}</strong>
      {name && <span className="sheet-selected"> · {name}</span>}
    </>
  );
}

/**
 * The phone's panels in the bottom sheet: a tab per group (the same components as the desktop
 * sidebar, kept mounted so their state survives a tab switch); the details of a selection
 * replace the tab's content until closed. Selecting something raises the sheet from its peek;
 * drawing or editing a region lowers it so the map is free for the fingers.
 */
export function SheetPanels() {
  const t = useT();
  const tab = useSheet((s) => s.tab);
  const selected = useAtlas((s) => s.selection !== null);

  useEffect(() => {
    // A shared link with a selection opens with its details showing.
    if (useAtlas.getState().selection) useSheet.setState({ snap: 'half' });
    const offSel = useAtlas.subscribe((s, prev) => {
      if (s.selection && s.selection !== prev.selection && useSheet.getState().snap === 'peek') {
        useSheet.setState({ snap: 'half' });
      }
    });
    const offDraw = useWorkspace.subscribe((s, prev) => {
      const busy = (s.drawMode !== null && prev.drawMode === null) || (s.editing && !prev.editing);
      if (busy) useSheet.setState({ snap: 'peek' });
      // A region just drawn: show its results.
      else if (s.drawFinishedAt !== prev.drawFinishedAt) {
        useSheet.setState({ snap: 'half', tab: 'regions' });
      }
    });
    return () => {
      offSel();
      offDraw();
    };
  }, []);

  const choose = (next: SheetTab) => {
    if (useAtlas.getState().selection) useAtlas.getState().select(null);
    useSheet.setState({ tab: next });
  };

  return (
    <BottomSheet summary={<Summary />}>
      <div className="sheet-tabs" role="tablist" aria-label={t('sheetLabel')}>
        {SHEET_TABS.map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            id={`sheet-tab-${k}`}
            aria-controls={`sheet-panel-${k}`}
            aria-selected={!selected && tab === k}
            tabIndex={tab === k ? 0 : -1}
            data-testid={`sheet-tab-${k}`}
            onClick={() => choose(k)}
            onKeyDown={(e) => {
              if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
              e.preventDefault();
              const i = SHEET_TABS.indexOf(k) + (e.key === 'ArrowRight' ? 1 : -1);
              const next = SHEET_TABS[(i + SHEET_TABS.length) % SHEET_TABS.length] ?? k;
              choose(next);
              document.getElementById(`sheet-tab-${next}`)?.focus();
            }}
          >
            {t(TAB_LABEL[k])}
          </button>
        ))}
      </div>
      <div className="sheet-content">
        {selected && <DetailPanel />}
        <TabPanel id="ledger" hidden={selected || tab !== 'ledger'}>
          <TotalsBar />
          <LedgerTable />
        </TabPanel>
        <TabPanel id="filters" hidden={selected || tab !== 'filters'}>
          <Filters />
        </TabPanel>
        <TabPanel id="green" hidden={selected || tab !== 'green'}>
          <CityFigures />
          <GreenAccess />
        </TabPanel>
        <TabPanel id="regions" hidden={selected || tab !== 'regions'}>
          <RegionsPanel />
          <ImportPanel />
        </TabPanel>
        <TabPanel id="layers" hidden={selected || tab !== 'layers'}>
          <LayerToggles />
          <Legend />
          <ThematicPanel />
          <DataNotes />
        </TabPanel>
      </div>
    </BottomSheet>
  );
}

function TabPanel({
  id,
  hidden,
  children,
}: {
  id: SheetTab;
  hidden: boolean;
  children: React.ReactNode;
}) {
  return (
    <div
      role="tabpanel"
      id={`sheet-panel-${id}`}
      aria-labelledby={`sheet-tab-${id}`}
      className={`sheet-panel sheet-panel-${id}`}
      hidden={hidden}
      data-testid={`sheet-panel-${id}`}
    >
      {children}
    </div>
  );
}
