/**
 * zod schemas for every file in data/ (BRIEF section 3). The types they produce are the ones in
 * model.ts; `satisfies` checks below keep the two in step.
 */
import { z } from 'zod';
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

const nonEmpty = z.string().trim().min(1, 'is empty');
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and -');
const year = z.number().int().min(1800, 'is before 1800').max(2100, 'is after 2100');
export const lonSchema = z
  .number({ error: 'is not a number' })
  .min(-180, 'is out of range (-180..180)')
  .max(180, 'is out of range (-180..180)');
export const latSchema = z
  .number({ error: 'is not a number' })
  .min(-90, 'is out of range (-90..90)')
  .max(90, 'is out of range (-90..90)');
const source = nonEmpty.refine(
  (s) => /^https?:\/\/\S+$/.test(s) || /^\d{3}_[0-9a-f]{16}\.txt$/.test(s) || s.length > 3,
  'must name a seed file or a URL',
);

/** A ledger `source` cell: one or more seed file names or http(s) URLs separated by " | ". */
const ledgerSources = nonEmpty.superRefine((cell, ctx) => {
  const parts = splitSources(cell);
  if (parts.length === 0) ctx.addIssue({ code: 'custom', message: 'names no source' });
  for (const p of parts) {
    if (!SEED_FILE_RE.test(p) && !URL_RE.test(p)) {
      ctx.addIssue({
        code: 'custom',
        message: `"${p.slice(0, 60)}" is neither a seed file name (NNN_hex16.txt) nor an http(s) URL`,
      });
    }
  }
  if (new Set(parts).size !== parts.length) {
    ctx.addIssue({ code: 'custom', message: 'names the same source twice' });
  }
});

/** Blank cell → null, else one of the qualifiers. */
const qualifier = z.preprocess(
  (v) => (v === '' ? null : v),
  z
    .enum(INVESTMENT_QUALIFIERS, {
      error: `must be one of ${INVESTMENT_QUALIFIERS.join(', ')} (blank when there is no investment)`,
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
    investment_cny: z.number().positive('must be positive (leave blank when unknown)').nullable(),
    investment_qualifier: qualifier,
    lon: lonSchema,
    lat: latSchema,
    location_precision: z.enum(PRECISIONS),
    source: ledgerSources,
    confidence: z.enum(CONFIDENCES),
    description: z.string(),
  })
  .refine((r) => r.start_year === null || r.end_year === null || r.end_year >= r.start_year, {
    message: 'is before start_year',
    path: ['end_year'],
  })
  .refine((r) => r.investment_cny === null || r.investment_qualifier !== null, {
    message: `is required when investment_cny is set (${INVESTMENT_QUALIFIERS.join(', ')})`,
    path: ['investment_qualifier'],
  })
  .refine((r) => r.investment_cny !== null || r.investment_qualifier === null, {
    message: 'must be blank when investment_cny is blank',
    path: ['investment_qualifier'],
  });

export const boundaryPropsSchema = z.object({
  id: slug,
  name_zh: nonEmpty,
  name_en: nonEmpty,
  admin_code: z
    .string()
    .regex(/^\d{6}$/, 'must be a six-digit GB/T 2260 code')
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
  .min(4, 'a ring needs at least 4 positions')
  .refine((r) => {
    const a = r[0];
    const b = r[r.length - 1];
    return a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1];
  }, 'ring is not closed (first and last positions differ)');
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
          'must be an http(s) URL or a file of data/ (data/...)',
        ),
      )
      .min(1, 'names no source'),
  })
  .superRefine((g, ctx) => {
    const incomplete = g.status !== 'complete';
    for (const field of ['missing', 'how_to_add'] as const) {
      if (incomplete && g[field] === null) {
        ctx.addIssue({ code: 'custom', path: [field], message: `is required when ${g.status}` });
      }
    }
    if ((g.status === 'none') !== (g.parks === 0)) {
      ctx.addIssue({
        code: 'custom',
        path: ['parks'],
        message: g.parks === 0 ? `is 0 but status is ${g.status}` : 'is not 0 but status is none',
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
  file: nonEmpty.refine((f) => !f.includes('..') && !f.startsWith('/'), 'must be inside data/'),
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
