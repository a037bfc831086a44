/** scripts/boundaries/box-outline.ts: outlines of clipped polygons, without the clip's edges. */
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { Box } from '../../../scripts/boundaries/basemap.ts';
import { onBoxEdge, outlineWithoutBoxEdges } from '../../../scripts/boundaries/box-outline.ts';

const box: Box = [60, 10, 150, 56];

describe('onBoxEdge', () => {
  it('is true only when both ends lie on the same side of the box', () => {
    expect(onBoxEdge([60, 20], [60, 30], box)).toBe(true);
    expect(onBoxEdge([100, 56], [120, 56], box)).toBe(true);
    expect(onBoxEdge([60, 20], [61, 30], box)).toBe(false);
    // A corner to a corner along the diagonal is not an edge.
    expect(onBoxEdge([60, 10], [150, 56], box)).toBe(false);
    expect(onBoxEdge([60, 56], [150, 10], box)).toBe(false);
  });
});

describe('outlineWithoutBoxEdges', () => {
  it('keeps a ring inside the box whole, as one closed line', () => {
    const square: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [100, 20],
          [101, 20],
          [101, 21],
          [100, 21],
          [100, 20],
        ],
      ],
    };
    expect(outlineWithoutBoxEdges(square, box).coordinates).toEqual(square.coordinates);
  });

  it("drops the sides a country was cut along, and keeps its border as one line across the ring's seam", () => {
    // A country cut by the box's north edge (lat 56): its ring starts in the middle of the
    // border and runs along the cut from (140, 56) to (130, 56).
    const cut: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [135, 50],
          [140, 52],
          [140, 56],
          [130, 56],
          [130, 52],
          [135, 50],
        ],
      ],
    };
    expect(outlineWithoutBoxEdges(cut, box).coordinates).toEqual([
      [
        [130, 56],
        [130, 52],
        [135, 50],
        [140, 52],
        [140, 56],
      ],
    ]);
  });

  it('splits a ring cut twice into two lines, and keeps holes', () => {
    // A band across the whole box (cut at lon 60 and at lon 150), with a lake.
    const band: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [60, 30],
          [150, 30],
          [150, 40],
          [60, 40],
          [60, 30],
        ],
        [
          [100, 34],
          [100, 36],
          [102, 36],
          [100, 34],
        ],
      ],
    };
    expect(outlineWithoutBoxEdges(band, box).coordinates).toEqual([
      [
        [150, 40],
        [60, 40],
      ],
      [
        [60, 30],
        [150, 30],
      ],
      [
        [100, 34],
        [100, 36],
        [102, 36],
        [100, 34],
      ],
    ]);
  });

  it('has no line for a polygon that is the box itself', () => {
    const whole: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [60, 10],
          [150, 10],
          [150, 56],
          [60, 56],
          [60, 10],
        ],
      ],
    };
    expect(outlineWithoutBoxEdges(whole, box).coordinates).toEqual([]);
  });
});
