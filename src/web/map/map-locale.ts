/**
 * MapLibre's own UI strings (control tooltips, the canvas's label, scale units) in the app's
 * languages, passed as the map's `locale` option (MapLibre 6 reads it when the map is created:
 * MapView creates the map again when the language changes). Keys: MapLibre's default_locale.
 */
import type { Lang } from '../state/url.ts';

const en: Record<string, string> = {
  'AttributionControl.ToggleAttribution': 'Toggle attribution',
  'AttributionControl.MapFeedback': 'Map feedback',
  'FullscreenControl.Enter': 'Enter fullscreen',
  'FullscreenControl.Exit': 'Exit fullscreen',
  'GeolocateControl.FindMyLocation': 'Find my location',
  'GeolocateControl.LocationNotAvailable': 'Location not available',
  'LogoControl.Title': 'MapLibre logo',
  'Map.Title': 'Map',
  'Marker.Title': 'Map marker',
  'NavigationControl.ResetBearing': 'Reset bearing to north',
  'NavigationControl.ZoomIn': 'Zoom in',
  'NavigationControl.ZoomOut': 'Zoom out',
  'Popup.Close': 'Close popup',
  'ScaleControl.Feet': 'ft',
  'ScaleControl.Meters': 'm',
  'ScaleControl.Kilometers': 'km',
  'ScaleControl.Miles': 'mi',
  'ScaleControl.NauticalMiles': 'nm',
  'GlobeControl.Enable': 'Enable globe',
  'GlobeControl.Disable': 'Disable globe',
  'TerrainControl.Enable': 'Enable terrain',
  'TerrainControl.Disable': 'Disable terrain',
  'CooperativeGesturesHandler.WindowsHelpText': 'Use Ctrl + scroll to zoom the map',
  'CooperativeGesturesHandler.MacHelpText': 'Use ⌘ + scroll to zoom the map',
  'CooperativeGesturesHandler.MobileHelpText': 'Use two fingers to move the map',
};

const zh: Record<string, string> = {
  'AttributionControl.ToggleAttribution': '显示/隐藏数据来源',
  'AttributionControl.MapFeedback': '地图反馈',
  'FullscreenControl.Enter': '全屏',
  'FullscreenControl.Exit': '退出全屏',
  'GeolocateControl.FindMyLocation': '定位到我的位置',
  'GeolocateControl.LocationNotAvailable': '无法获取位置',
  'LogoControl.Title': 'MapLibre 标志',
  'Map.Title': '地图',
  'Marker.Title': '地图标记',
  'NavigationControl.ResetBearing': '重置为正北方向',
  'NavigationControl.ZoomIn': '放大',
  'NavigationControl.ZoomOut': '缩小',
  'Popup.Close': '关闭弹窗',
  'ScaleControl.Feet': '英尺',
  'ScaleControl.Meters': 'm',
  'ScaleControl.Kilometers': 'km',
  'ScaleControl.Miles': '英里',
  'ScaleControl.NauticalMiles': '海里',
  'GlobeControl.Enable': '开启地球视图',
  'GlobeControl.Disable': '关闭地球视图',
  'TerrainControl.Enable': '开启地形',
  'TerrainControl.Disable': '关闭地形',
  'CooperativeGesturesHandler.WindowsHelpText': '按住 Ctrl 并滚动鼠标以缩放地图',
  'CooperativeGesturesHandler.MacHelpText': '按住 ⌘ 并滚动鼠标以缩放地图',
  'CooperativeGesturesHandler.MobileHelpText': '用两根手指移动地图',
};

export const MAP_LOCALE: Record<Lang, Record<string, string>> = { en, zh };

/** MapLibre's control buttons (their documented CSS classes) and the string each one shows. */
const BUTTONS: Array<[selector: string, key: string]> = [
  ['.maplibregl-ctrl-zoom-in', 'NavigationControl.ZoomIn'],
  ['.maplibregl-ctrl-zoom-out', 'NavigationControl.ZoomOut'],
  ['.maplibregl-ctrl-compass', 'NavigationControl.ResetBearing'],
  ['.maplibregl-ctrl-fullscreen', 'FullscreenControl.Enter'],
  ['.maplibregl-ctrl-shrink', 'FullscreenControl.Exit'],
  ['.maplibregl-ctrl-attrib-button', 'AttributionControl.ToggleAttribution'],
  ['.maplibregl-ctrl-geolocate', 'GeolocateControl.FindMyLocation'],
];

/**
 * Words the controls already on the map in `lang`: MapLibre reads its locale once, when the map
 * is created, so a language switch re-titles the buttons (title and aria-label, as MapLibre sets
 * them) and the canvas's label instead of creating the map again.
 */
export function relabelMapControls(container: HTMLElement, canvas: HTMLElement, lang: Lang): void {
  const words = MAP_LOCALE[lang];
  for (const [selector, key] of BUTTONS) {
    const text = words[key];
    if (!text) continue;
    for (const b of container.querySelectorAll(selector)) {
      b.setAttribute('title', text);
      b.setAttribute('aria-label', text);
    }
  }
  const title = words['Map.Title'];
  if (title) canvas.setAttribute('aria-label', title);
}
