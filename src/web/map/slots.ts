import type { LayerSpecification } from 'maplibre-gl';

/**
 * Where each group of the app's layers is drawn, bottom to top. Every slot is an empty, hidden
 * layer at the end of the base style, and each layer is inserted just under its slot
 * (`beforeId`). So the drawing order is fixed here, whatever order the sources mount in.
 *
 * Before, a layer went on top of whatever the map had when it mounted: the boundaries and the
 * parks wait for the data files, so they landed above the projects, and the parks' green covered
 * the projects' markers.
 */
export const SLOT = {
  /** City boundaries. */
  areas: 'slot-areas',
  /** Green-space coverage, thematic maps. */
  analysis: 'slot-analysis',
  /** Imported layers (vector layers and big point layers): under the parks and projects. */
  imported: 'slot-imported',
  /** Parks and other green space. */
  parks: 'slot-parks',
  /** Projects: points, clusters, their codes and counts. */
  projects: 'slot-projects',
  /** City and park names, above the projects' markers so none is hidden under them. */
  labels: 'slot-labels',
  /** The markers of projects known only by their city. */
  siteUnknown: 'slot-site-unknown',
  /** The analyst's regions. */
  regions: 'slot-regions',
  /** Markers of the moment: the selection, the place asked about, a what-if park, a measure. */
  marks: 'slot-marks',
} as const;

export type Slot = (typeof SLOT)[keyof typeof SLOT];

/** The slot layers, in drawing order, for the end of the base style. */
export function slotLayers(): LayerSpecification[] {
  return Object.values(SLOT).map((id) => ({
    id,
    type: 'background',
    layout: { visibility: 'none' },
  }));
}
