/** Green-access reference data: rules, thresholds, published figures (data/standards.json, data/indicators.json). */
import { z } from 'zod';

export const INDICATORS = ['park_coverage', 'park_green_per_capita', 'green_share'] as const;
export type Indicator = (typeof INDICATORS)[number];

const text = z.string().trim().min(1, 'is empty');

export const standardsSchema = z.object({
  version: z.literal(1),
  note: z.string(),
  rules: z
    .array(
      z.object({
        id: text,
        rule: text,
        name_en: text,
        name_zh: text,
        /** The standard the rule comes from (cited beside the plain name, never instead of it). */
        standard: text.optional(),
        source: text,
        /** The source's description in Chinese, where `source` has English words beside its address. */
        source_zh: text.optional(),
        confidence: text,
      }),
    )
    .min(1),
  thresholds: z.array(
    z.object({
      indicator: z.enum(INDICATORS),
      standard_en: text,
      standard_zh: text,
      /** Plain words for the standard (the UI shows these; the code goes in a footnote). */
      plain_en: text.optional(),
      plain_zh: text.optional(),
      op: z.enum(['>=', '>']),
      value: z.number(),
      /** `high`: the garden-city / planning target; `minimum`: the mandatory floor. */
      level: z.enum(['high', 'minimum']),
      source: text,
      source_zh: text.optional(),
      confidence: text,
    }),
  ),
});
export type Standards = z.infer<typeof standardsSchema>;
export type Threshold = Standards['thresholds'][number];
export type RuleEntry = Standards['rules'][number];

export const indicatorsSchema = z.object({
  version: z.literal(1),
  note: z.string(),
  published: z.array(
    z.object({
      city_id: text,
      indicator: z.enum(INDICATORS),
      value: z.number(),
      year: z.number().int().nullable(),
      scope_en: text,
      scope_zh: text,
      source: text,
      confidence: text,
    }),
  ),
});
export type PublishedFigures = z.infer<typeof indicatorsSchema>;
export type Published = PublishedFigures['published'][number];
