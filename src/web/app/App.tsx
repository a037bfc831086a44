import { useT } from '../i18n/useT.ts';
import { MapView } from '../map/MapView.tsx';
import { useAtlas } from '../state/store.ts';
import { useUrlSync } from '../state/useUrlSync.ts';
import { CityFigures } from '../ui/CityFigures.tsx';
import { DetailPanel } from '../ui/DetailPanel.tsx';
import { ErrorNote } from '../ui/ErrorNote.tsx';
import { EditOverlay } from '../ui/edit/EditOverlay.tsx';
import { useServer } from '../ui/edit/useServer.ts';
import { Filters } from '../ui/Filters.tsx';
import { GreenAccess } from '../ui/GreenAccess.tsx';
import { Header } from '../ui/Header.tsx';
import { DataNotes, LayerToggles, Legend } from '../ui/LayersAndLegend.tsx';
import { LedgerTable } from '../ui/LedgerTable.tsx';
import { Notices } from '../ui/Notices.tsx';
import { SiteUnknownList } from '../ui/SiteUnknownList.tsx';
import { SheetPanels } from '../ui/sheet/SheetPanels.tsx';
import { ThematicLegend } from '../ui/ThematicLegend.tsx';
import { ThematicPanel } from '../ui/ThematicPanel.tsx';
import { TotalsBar } from '../ui/TotalsBar.tsx';
import { MapTools } from '../ui/time/MapTools.tsx';
import { ImportPanel } from '../ui/workspace/ImportPanel.tsx';
import { RegionsPanel } from '../ui/workspace/RegionsPanel.tsx';
import { useAtlasData } from './useAtlasData.ts';
import { useGreenAccess } from './useGreenAccess.ts';
import { useNarrow } from './useNarrow.ts';
import { useThematicMap } from './useThematicMap.ts';
import { useWorkspaceSync } from './useWorkspaceSync.ts';

export function App() {
  const t = useT();
  const lang = useAtlas((s) => s.lang);
  const loaded = useAtlas((s) => s.data !== null);
  const { error } = useAtlasData();
  useUrlSync();
  useGreenAccess();
  useWorkspaceSync();
  useServer();
  useThematicMap();
  const narrow = useNarrow();
  const status = (
    <>
      {!loaded && !error && (
        <div className="loading" role="progressbar" aria-label={t('loading')}>
          {t('loading')}
        </div>
      )}
      {error && (
        <ErrorNote what="load" raw={error} className="fatal" testid="fatal" tag="div">
          {error}
        </ErrorNote>
      )}
    </>
  );
  if (narrow) {
    // Phones: the map first, the panels (and a selection's details) in a bottom sheet.
    return (
      <div
        className="app phone"
        lang={lang === 'zh' ? 'zh-CN' : 'en'}
        data-testid="app"
        data-loaded={loaded}
        data-layout="phone"
      >
        <Header />
        <main className="phone-main">
          <div className="map-area">
            <MapView />
            {status}
            <Notices />
            <EditOverlay />
            <ThematicLegend />
            <MapTools />
          </div>
          <SheetPanels />
        </main>
      </div>
    );
  }
  return (
    <div
      className="app"
      lang={lang === 'zh' ? 'zh-CN' : 'en'}
      data-testid="app"
      data-loaded={loaded}
      data-layout="desktop"
    >
      <Header />
      <aside className="sidebar">
        <Filters />
        <LayerToggles />
        <Legend />
        <ThematicPanel />
        <CityFigures />
        <GreenAccess />
        <RegionsPanel />
        <ImportPanel />
        <DataNotes />
      </aside>
      <main className="main">
        <div className="map-area">
          <MapView />
          {status}
          <DetailPanel />
          <SiteUnknownList />
          <Notices />
          <EditOverlay />
          <ThematicLegend />
          <MapTools />
        </div>
        <div className="lower">
          <TotalsBar />
          <LedgerTable />
        </div>
      </main>
    </div>
  );
}
