import { z } from 'astro/zod';

/**
 * The one schema of a generated article's frontmatter. The ingest validates
 * with it before writing, and `content.config.ts` validates with it again
 * when Astro loads the entry, so no field is described twice.
 */

/** A local date-time as printed in the document, with no invented zone. */
const LocalDateTimeSchema = z.iso.datetime({ local: true }).or(z.iso.date());

export const CaptionSchema = z.object({
  /** The caption as printed, without its credit. */
  text: z.string(),
  /** The credit split off the caption (`Photo: Courtesy of KIC China` → `Courtesy of KIC China`). */
  credit: z.string().optional(),
});
export type Caption = z.infer<typeof CaptionSchema>;

export const QuotationSchema = z.object({
  /** The quoted words, without their quotation marks. */
  text: z.string().min(1),
  /**
   * The person the text says spoke them, by the full name the document gives
   * (`Blair said` after `Tony Blair` → `Tony Blair`); absent when it does not
   * say, when the speaker is a group, or when two people share the name used.
   */
  speaker: z.string().optional(),
  /** The role the document gives the speaker: `Home Secretary`. */
  role: z.string().optional(),
  /** A group or role that is no person (`analysts at Barclays`, `the ministry`), as written. */
  source: z.string().optional(),
  /** True when this continues the previous quotation, which ran over a paragraph break. */
  continued: z.literal(true).optional(),
  /** Index of the body paragraph that holds the quotation (0-based). */
  paragraph: z.number().int().nonnegative(),
});
export type Quotation = z.infer<typeof QuotationSchema>;

export const EntryFrontmatterSchema = z.object({
  /** Marks the entry as written by the ingest: only such entries are ever rewritten or removed. */
  generator: z.literal('dossier'),
  /** URL slug, unique across the site. */
  slug: z.string().min(1),
  /** The document's title. */
  title: z.string().min(1),
  /**
   * Section path: from frontmatter, else the section line (`SOURCE / ECONOMY` → `['Source', 'Economy']`),
   * else the document's folders (`android/architecture/x.md` → `['Android', 'Architecture']`); empty when none.
   */
  section: z.array(z.string().min(1)),
  /** Publication date as an ISO 8601 local date-time: frontmatter, a `Published:` line, or a date in the file name or folders. */
  published: LocalDateTimeSchema.optional(),
  /** `Updated:` line as an ISO 8601 local date-time. */
  updated: LocalDateTimeSchema.optional(),
  /** By-line, as printed (`By Jane Doe` → `Jane Doe`). */
  byline: z.string().optional(),
  /** Source or credit line of the whole document, as printed. */
  credit: z.string().optional(),
  /** The photo caption, once, with its credit split off. */
  caption: CaptionSchema.optional(),
  /** The lead: the first body paragraph, shortened on a word boundary. */
  summary: z.string(),
  /** BCP 47 language tag detected from the text (`en`, `ko`, `zh`, `ja`, …). */
  language: z.string().min(2),
  /** Words in the body (CJK characters count one each). */
  wordCount: z.number().int().nonnegative(),
  /** Minutes to read the body, at least 1. */
  readingTime: z.number().int().positive(),
  /** Quotations found in the body, in order. */
  quotations: z.array(QuotationSchema),
  /** Path of the source document, relative to the documents folder, with `/` separators. */
  source: z.string().min(1),
  /** Tags, from frontmatter `tags`/`keywords` or a `Tags:` line, as written (no duplicates). */
  tags: z.array(z.string().min(1)).optional(),
  /** Position among its section's documents (`sidebar_position`, `weight`, `order`): lower first. */
  order: z.number().optional(),
  /** Left out of production builds, shown by `npm run dev` (`draft: true` or `published: false`). */
  draft: z.literal(true).optional(),
  /** Where the document was first published: a bare URL first line, a `URL:` line, or `canonical`/`source`/`url`. */
  sourceUrl: z.url({ protocol: /^https?$/ }).optional(),
  /** Frontmatter keys Dossier does not read, kept as written (JSON values). */
  extra: z.record(z.string(), z.unknown()).optional(),
});
export type EntryFrontmatter = z.infer<typeof EntryFrontmatterSchema>;

export const SectionMetaSchema = z.object({
  /** The section path, as entries name it (`['Tutorial - Basics']`). */
  section: z.array(z.string().min(1)).min(1),
  /** Shown on the section's page, under its name. */
  description: z.string().optional(),
  /** Position among its sibling sections: lower first; then by name, in natural number order. */
  position: z.number().optional(),
  /** Whether the sidebar shows its subsections only on the way to the current page (the default) or always. */
  collapsed: z.boolean().optional(),
  /** The folder-description file it came from, relative to the documents folder. */
  file: z.string().optional(),
});
export type SectionMeta = z.infer<typeof SectionMetaSchema>;
