/**
 * zod schemas for every file in data/ (BRIEF section 3). The types they produce are the ones in
 * model.ts; `satisfies` checks below keep the two in step.
 */
import { z } from 'zod';
import { schemaIssue, schemaText as T } from '../common/zod-said.ts';
import {
  CATEGORIES,
  CONFIDENCES,
  GEOMETRY_QUALITIES,
  GREEN_DATA_STATUSES,
  GREEN_KINDS,
  INVESTMENT_QUALIFIERS,
  PRECISIONS,
  SEED_FILE_RE,
  STATUSES,
  splitSources,
  URL_RE,
} from './model.ts';

const nonEmpty = z.string().trim().min(1, T('schema_empty'));
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, T('schema_slug'));
const year = z
  .number()
  .int()
  .min(1800, T('schema_year_before', { year: 1800 }))
  .max(2100, T('schema_year_after', { year: 2100 }));
export const lonSchema = z
  .number({ error: T('schema_not_number') })
  .min(-180, T('schema_lon_range'))
  .max(180, T('schema_lon_range'));
export const latSchema = z
  .number({ error: T('schema_not_number') })
  .min(-90, T('schema_lat_range'))
  .max(90, T('schema_lat_range'));
const source = nonEmpty.refine(
  (s) => /^https?:\/\/\S+$/.test(s) || /^\d{3}_[0-9a-f]{16}\.txt$/.test(s) || s.length > 3,
  T('schema_source_kind'),
);

/** A ledger `source` cell: one or more seed file names or http(s) URLs separated by " | ". */
const ledgerSources = nonEmpty.superRefine((cell, ctx) => {
  const parts = splitSources(cell);
  if (parts.length === 0) ctx.addIssue({ code: 'custom', ...schemaIssue('schema_sources_none') });
  for (const p of parts) {
    if (!SEED_FILE_RE.test(p) && !URL_RE.test(p)) {
      ctx.addIssue({
        code: 'custom',
        ...schemaIssue('schema_source_bad', { source: p.slice(0, 60) }),
      });
    }
  }
  if (new Set(parts).size !== parts.length) {
    ctx.addIssue({ code: 'custom', ...schemaIssue('schema_sources_twice') });
  }
});

/** Blank cell → null, else one of the qualifiers. */
const qualifier = z.preprocess(
  (v) => (v === '' ? null : v),
  z
    .enum(INVESTMENT_QUALIFIERS, {
      error: T('schema_qualifier', { values: INVESTMENT_QUALIFIERS.join(', ') }),
    })
    .nullable(),
);

/** One ledger row after CSV cells are converted (blank → null, numbers parsed). */
export const initiativeSchema = z
  .object({
    id: slug,
    name_zh: nonEmpty,
    name_en: nonEmpty,
    city_id: slug,
    category: z.enum(CATEGORIES),
    status: z.enum(STATUSES),
    start_year: year.nullable(),
    end_year: year.nullable(),
    investment_cny: z.number().positive(T('schema_investment_positive')).nullable(),
    investment_qualifier: qualifier,
    lon: lonSchema,
    lat: latSchema,
    location_precision: z.enum(PRECISIONS),
    source: ledgerSources,
    confidence: z.enum(CONFIDENCES),
    description: z.string(),
  })
  .refine((r) => r.start_year === null || r.end_year === null || r.end_year >= r.start_year, {
    message: T('schema_end_before_start'),
    path: ['end_year'],
  })
  .refine((r) => r.investment_cny === null || r.investment_qualifier !== null, {
    message: T('schema_qualifier_required', { values: INVESTMENT_QUALIFIERS.join(', ') }),
    path: ['investment_qualifier'],
  })
  .refine((r) => r.investment_cny !== null || r.investment_qualifier === null, {
    message: T('schema_qualifier_blank'),
    path: ['investment_qualifier'],
  });

export const boundaryPropsSchema = z.object({
  id: slug,
  name_zh: nonEmpty,
  name_en: nonEmpty,
  admin_code: z
    .string()
    .regex(/^\d{6}$/, T('schema_admin_code'))
    .nullable(),
  population: z.number().int().positive().nullable(),
  population_year: year.nullable(),
  population_source: z.string().nullable(),
  source: nonEmpty,
  datum_note: nonEmpty,
});

export const greenSpacePropsSchema = z.object({
  id: slug,
  name_zh: nonEmpty,
  name_en: nonEmpty,
  city_id: slug,
  kind: z.enum(GREEN_KINDS),
  opened_year: year.nullable(),
  stated_area_m2: z.number().positive().nullable(),
  source,
  confidence: z.enum(CONFIDENCES),
  geometry_quality: z.enum(GEOMETRY_QUALITIES),
  note: z.string(),
});

const position = z.tuple([lonSchema, latSchema]).rest(z.number());
const ring = z
  .array(position)
  .min(4, T('schema_ring_short'))
  .refine((r) => {
    const a = r[0];
    const b = r[r.length - 1];
    return a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1];
  }, T('schema_ring_open'));
export const areaGeometrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) }),
]);

export const programmeSchema = z.object({
  id: slug,
  name_zh: nonEmpty,
  name_en: nonEmpty,
  seed: nonEmpty,
});

const bilingual = z.object({ en: nonEmpty, zh: nonEmpty });

export const greenDataSchema = z
  .object({
    status: z.enum(GREEN_DATA_STATUSES),
    parks: z.number().int().min(0),
    missing: bilingual.nullable(),
    how_to_add: bilingual.nullable(),
    sources: z
      .array(
        nonEmpty.refine(
          (s) => URL_RE.test(s) || /^data\/[\w./-]+$/.test(s),
          T('schema_data_source'),
        ),
      )
      .min(1, T('schema_sources_none')),
  })
  .superRefine((g, ctx) => {
    const incomplete = g.status !== 'complete';
    for (const field of ['missing', 'how_to_add'] as const) {
      if (incomplete && g[field] === null) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          ...schemaIssue('schema_required_when', { status: g.status }),
        });
      }
    }
    if ((g.status === 'none') !== (g.parks === 0)) {
      ctx.addIssue({
        code: 'custom',
        path: ['parks'],
        ...(g.parks === 0
          ? schemaIssue('schema_parks_zero', { status: g.status })
          : schemaIssue('schema_parks_not_zero')),
      });
    }
  });

export const cityEntrySchema = z.object({
  id: slug,
  name_zh: nonEmpty,
  name_en: nonEmpty,
  programme_id: slug,
  seat: z.tuple([lonSchema, latSchema]),
  seat_source: nonEmpty,
  seat_confidence: z.enum(CONFIDENCES),
  green_data: greenDataSchema,
});

export const layerEntrySchema = z.object({
  id: slug,
  file: nonEmpty.refine((f) => !f.includes('..') && !f.startsWith('/'), T('schema_inside_data')),
  kind: z.enum([
    'boundaries',
    'initiatives',
    'green_space',
    'basemap',
    'residential',
    'population',
  ]),
  field: z.string().trim().min(1).optional(),
  title_zh: nonEmpty,
  title_en: nonEmpty,
});

export const catalogSchema = z.object({
  version: z.literal(1),
  programmes: z.array(programmeSchema).min(1),
  cities: z.array(cityEntrySchema).min(1),
  layers: z.array(layerEntrySchema).min(1),
});
