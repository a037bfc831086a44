import notoSansUrl from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import type { GeoJSONSource, MapGeoJSONFeature, Map as MapLibreMap } from 'maplibre-gl';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import MapGL, {
  Layer,
  type MapLayerMouseEvent,
  type MapRef,
  NavigationControl,
  ScaleControl,
  Source,
} from 'react-map-gl/maplibre';
import { rawDetail } from '../i18n/raw-detail.ts';
import { translate } from '../i18n/useT.ts';
import { selectFeature } from '../state/actions.ts';
import { useGreen } from '../state/green-store.ts';
import { useMeasure } from '../state/measure-store.ts';
import { openSiteUnknown } from '../state/site-unknown-store.ts';
import { useAtlas } from '../state/store.ts';
import type { LayerKey } from '../state/url.ts';
import { useFilteredInitiatives } from '../state/useFiltered.ts';
import { EditMapLayer } from '../ui/edit/EditMapLayer.tsx';
import { useEdit } from '../ui/edit/edit-store.ts';
import { siteUnknownText } from '../ui/SiteUnknownList.tsx';
import { useWorkspace } from '../workspace/store.ts';
import { BasemapLabels } from './BasemapLabels.tsx';
import { buildBasemapStyle, SEA_CSS } from './basemap-style.ts';
import { CoverageLayers } from './CoverageLayers.tsx';
import { initiativePoints } from './features.ts';
import { afterFirstIdle, markFirstMap } from './first-map.ts';
import { INTERACTIVE_LAYERS, LAYER, LOCAL_CJK_FONTS, SOURCE } from './ids.ts';
import { LazyDrawControl } from './LazyDrawControl.tsx';
import * as L from './layers.ts';
import { setLiveMap } from './live-map.ts';
import { MapLocale } from './MapLocale.tsx';
import { MeasureLayer } from './MeasureLayer.tsx';
import { MAP_LOCALE } from './map-locale.ts';
import { SheetPadding } from './SheetPadding.tsx';
import { groupSiteUnknown, siteUnknownMarkers } from './site-unknown.ts';
import { SLOT } from './slots.ts';
import { ThematicLayers } from './ThematicLayers.tsx';
import { underWayRing } from './time-layers.ts';
import { useSelectionFeature } from './useSelectionFeature.ts';
import { WorkspaceLayers } from './WorkspaceLayers.tsx';

const DATA_BASE = `${import.meta.env.BASE_URL}data/`;
const CHINA_VIEW = { longitude: 100, latitude: 38, zoom: 3.3 };

type Hovered = { source: string; id: string | number } | null;

declare global {
  interface Window {
    /** Test hook: the MapLibre map, for end-to-end checks of what is rendered. */
    __atlasMap?: MapLibreMap;
  }
}

export function MapView() {
  const mapRef = useRef<MapRef>(null);
  const lang = useAtlas((s) => s.lang);
  const online = useAtlas((s) => s.online);
  const hidden = useAtlas((s) => s.hidden);
  const data = useAtlas((s) => s.data);
  const fly = useAtlas((s) => s.fly);
  const initialView = useAtlas.getState().view;
  const [initialLang] = useState(lang);
  const rows = useFilteredInitiatives();
  const year = useAtlas((s) => s.filters.year);
  const points = useMemo(() => initiativePoints(rows, year), [rows, year]);
  // Projects known only by their city: one marker per city with their count (not one ring each).
  const siteUnknown = useMemo(() => {
    const seats = new Map(data?.catalog.cities.map((c) => [c.id, c.seat] as const));
    return siteUnknownMarkers(groupSiteUnknown(rows), seats, siteUnknownText);
  }, [rows, data]);
  const selectionFeature = useSelectionFeature(points);
  const [hovered, setHovered] = useState<Hovered>(null);
  const [cursor, setCursor] = useState('grab');

  // Built with the first language only: BasemapLabels switches the labels' text in place.
  const [styleLang] = useState(lang);
  // The neighbouring counties (drawn from zoom 6) load once the first map is drawn, or at the
  // map's first idle when no project is in view (a link to a view without projects: the first
  // map mark never comes, and its 10 s fallback is too long to go without county lines).
  const [context, setContext] = useState(false);
  useEffect(() => {
    let live = true;
    afterFirstIdle().then(() => live && setContext(true));
    return () => {
      live = false;
    };
  }, []);
  const mapStyle = useMemo(
    () =>
      buildBasemapStyle({
        dataBase: DATA_BASE,
        fontUrl: notoSansUrl,
        lang: styleLang,
        online,
        context,
      }),
    [styleLang, online, context],
  );

  const vis = (key: LayerKey) => ({
    visibility: hidden.includes(key) ? ('none' as const) : ('visible' as const),
  });

  useEffect(() => {
    const map = mapRef.current?.getMap();
    if (!map || !fly) return;
    if ('bbox' in fly) {
      const [w, s, e, n] = fly.bbox;
      map.fitBounds(
        [
          [w, s],
          [e, n],
        ],
        { padding: 60, maxZoom: fly.maxZoom ?? 14, duration: fly.instant ? 0 : 900 },
      );
    } else {
      map.flyTo({ center: fly.center, zoom: fly.zoom, duration: fly.instant ? 0 : 900 });
    }
  }, [fly]);

  const setHover = useCallback((next: Hovered) => {
    const map = mapRef.current?.getMap();
    setHovered((prev) => {
      if (prev && map && (prev.source !== next?.source || prev.id !== next?.id)) {
        if (map.getSource(prev.source)) map.setFeatureState(prev, { hover: false });
      }
      if (next && map?.getSource(next.source)) map.setFeatureState(next, { hover: true });
      return next;
    });
  }, []);

  const onMouseMove = useCallback(
    (e: MapLayerMouseEvent) => {
      const f = e.features?.[0] as MapGeoJSONFeature | undefined;
      setCursor(f ? 'pointer' : 'grab');
      setHover(f && f.id !== undefined ? { source: f.source, id: f.id } : null);
    },
    [setHover],
  );

  const onClick = useCallback(async (e: MapLayerMouseEvent) => {
    // The most specific target under the cursor wins (INTERACTIVE_LAYERS is in that order).
    const features = (e.features ?? []) as MapGeoJSONFeature[];
    const f = INTERACTIVE_LAYERS.map((id) => features.find((x) => x.layer.id === id)).find(Boolean);
    const map = mapRef.current?.getMap();
    // While drawing or editing, clicks belong to terra-draw.
    const ws = useWorkspace.getState();
    if (ws.drawMode || ws.editing || Date.now() - ws.drawFinishedAt < 400) return;
    // While measuring, clicks add the measure's points (MeasureLayer).
    if (useMeasure.getState().kind) return;
    // While placing a new project, the click belongs to the editing layer.
    if (useEdit.getState().mode === 'add') return;
    // The marker of a city's projects with no known site opens their list.
    // (Several cities' markers merged at a small scale: zoom in to tell them apart.)
    if (f?.layer.id === LAYER.siteUnknown && map) {
      if (f.properties.cluster_id === undefined) {
        openSiteUnknown(String(f.properties.id));
        return;
      }
      const src = map.getSource(SOURCE.siteUnknown) as GeoJSONSource;
      const zoom = await src.getClusterExpansionZoom(f.properties.cluster_id as number);
      const [lon, lat] = (f.geometry as GeoJSON.Point).coordinates as [number, number];
      map.easeTo({ center: [lon, lat], zoom: zoom + 0.2 });
      return;
    }
    // In the green-access view a click anywhere but on a project asks "is this place covered?".
    const { coverageRule, setPlace } = useAtlas.getState();
    if (coverageRule && f?.layer.id !== LAYER.points && f?.layer.id !== LAYER.clusters) {
      const green = useGreen.getState();
      if (green.whatIfOn) {
        useGreen.setState({
          newPark: { lon: e.lngLat.lng, lat: e.lngLat.lat, area_m2: green.newParkArea },
        });
      } else setPlace({ lon: e.lngLat.lng, lat: e.lngLat.lat });
      return;
    }
    if (!f || !map) {
      selectFeature(null);
      return;
    }
    if (f.layer.id === LAYER.clusters) {
      const src = map.getSource(SOURCE.initiatives) as GeoJSONSource;
      const zoom = await src.getClusterExpansionZoom(f.properties.cluster_id as number);
      const [lon, lat] = (f.geometry as GeoJSON.Point).coordinates as [number, number];
      map.easeTo({ center: [lon, lat], zoom: zoom + 0.2 });
      return;
    }
    const id = String(f.properties.id);
    if (f.layer.id === LAYER.points) selectFeature({ kind: 'initiative', id });
    else if (f.layer.id === LAYER.greenFill) selectFeature({ kind: 'green', id });
    else if (f.layer.id === LAYER.boundaryFill) selectFeature({ kind: 'boundary', id });
  }, []);

  const onLoad = useCallback(() => {
    const map = mapRef.current?.getMap();
    if (!map) return;
    window.__atlasMap = map;
    setLiveMap(map);
    markFirstMap(map);
  }, []);

  const onMoveEnd = useCallback(() => {
    const map = mapRef.current?.getMap();
    if (!map) return;
    const c = map.getCenter();
    useAtlas.getState().setView({ lon: c.lng, lat: c.lat, zoom: map.getZoom() });
  }, []);

  const onError = useCallback((e: { error?: Error }) => {
    const message = e.error?.message ?? 'unknown map error';
    useAtlas.getState().addNotice({
      id: `map-error-${message}`,
      level: 'warning',
      text: (lang) => translate(lang, 'noticeMap', { message }),
      details: [rawDetail(message)],
    });
  }, []);

  return (
    <div
      className="map-wrap"
      data-testid="map"
      data-hovered={hovered ? String(hovered.id) : ''}
      data-context={context ? 'loaded' : 'pending'}
    >
      <MapGL
        // MapLibre reads its UI strings once, when the map is created; <MapLocale> re-titles them.
        locale={MAP_LOCALE[initialLang]}
        ref={mapRef}
        initialViewState={
          initialView
            ? { longitude: initialView.lon, latitude: initialView.lat, zoom: initialView.zoom }
            : CHINA_VIEW
        }
        mapStyle={mapStyle}
        localIdeographFontFamily={LOCAL_CJK_FONTS}
        // No label fade: with software WebGL every fade frame redraws the whole map, and the map
        // is idle (first map, filter redraws) only when the fade has ended.
        fadeDuration={0}
        interactiveLayerIds={INTERACTIVE_LAYERS}
        cursor={cursor}
        onMouseMove={onMouseMove}
        onMouseLeave={() => setHover(null)}
        onClick={onClick}
        onLoad={onLoad}
        onMoveEnd={onMoveEnd}
        onError={onError}
        maxZoom={18}
        attributionControl={{ compact: true }}
        style={{ position: 'absolute', inset: 0, ...SEA_CSS }}
      >
        <NavigationControl position="top-right" />
        <ScaleControl position="bottom-left" />
        <MapLocale />
        <BasemapLabels />
        <SheetPadding />
        {data?.boundaries && (
          <Source id={SOURCE.boundaries} type="geojson" data={data.boundaries} promoteId="id">
            <Layer {...L.boundaryFill} layout={vis('boundaries')} beforeId={SLOT.areas} />
            <Layer {...L.boundaryLine} layout={vis('boundaries')} beforeId={SLOT.areas} />
          </Source>
        )}
        <CoverageLayers />
        <ThematicLayers />
        {data?.green && (
          <Source id={SOURCE.green} type="geojson" data={data.green} promoteId="id">
            <Layer {...L.greenFill} layout={vis('green')} beforeId={SLOT.parks} />
            <Layer {...L.greenLine} layout={vis('green')} beforeId={SLOT.parks} />
            <Layer {...L.greenSchematicLine} layout={vis('green')} beforeId={SLOT.parks} />
            <Layer
              {...L.greenLabels(lang)}
              layout={{ ...L.greenLabels(lang).layout, ...vis('green') }}
              beforeId={SLOT.labels}
            />
          </Source>
        )}
        <Source
          id={SOURCE.initiatives}
          type="geojson"
          data={points}
          promoteId="id"
          cluster
          clusterRadius={30}
          clusterMaxZoom={7}
        >
          <Layer {...L.clusters} layout={vis('initiatives')} beforeId={SLOT.projects} />
          <Layer
            {...L.clusterCount}
            layout={{ ...L.clusterCount.layout, ...vis('initiatives') }}
            beforeId={SLOT.projects}
          />
          <Layer {...underWayRing} layout={vis('initiatives')} beforeId={SLOT.projects} />
          <Layer {...L.points} layout={vis('initiatives')} beforeId={SLOT.projects} />
          <Layer
            {...L.pointCodes}
            layout={{ ...L.pointCodes.layout, ...vis('initiatives') }}
            beforeId={SLOT.projects}
          />
        </Source>
        {/* City names above the projects' clusters and points, so none is hidden under them. */}
        {data && (
          <Source id={SOURCE.cityLabels} type="geojson" data={data.cityLabels}>
            <Layer
              {...L.cityLabels(lang)}
              layout={{ ...L.cityLabels(lang).layout, ...vis('labels') }}
              beforeId={SLOT.labels}
            />
          </Source>
        )}
        <Source
          id={SOURCE.siteUnknown}
          type="geojson"
          data={siteUnknown}
          promoteId="id"
          cluster
          clusterRadius={28}
          clusterMaxZoom={8}
          clusterProperties={{ count: ['+', ['get', 'count']] }}
        >
          <Layer {...L.siteUnknownMarker} layout={vis('initiatives')} beforeId={SLOT.siteUnknown} />
          <Layer
            {...L.siteUnknownCount}
            layout={{ ...L.siteUnknownCount.layout, ...vis('initiatives') }}
            beforeId={SLOT.siteUnknown}
          />
          <Layer
            {...L.siteUnknownLabel(lang)}
            layout={{ ...L.siteUnknownLabel(lang).layout, ...vis('initiatives') }}
            beforeId={SLOT.siteUnknown}
          />
        </Source>
        <WorkspaceLayers />
        <LazyDrawControl />
        <MeasureLayer />
        <EditMapLayer />
        {/* Only while something is selected: an empty source still costs the map tile work. */}
        {selectionFeature.features.length > 0 && (
          <Source id={SOURCE.selection} type="geojson" data={selectionFeature}>
            <Layer {...L.selectionLine} beforeId={SLOT.marks} />
            <Layer {...L.selectionPoint} beforeId={SLOT.marks} />
          </Source>
        )}
      </MapGL>
    </div>
  );
}
