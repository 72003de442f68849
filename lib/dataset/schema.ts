import { builtOnFirstUse, z } from '../zod';
import { LIMITS } from './limits';

/**
 * The Crossread dataset format, version 2. Field names follow schema.org
 * (Claim: `about`, `appearance` → our `versions`, `citation`, `datePublished`,
 * `sameAs`) and the Web Annotation model where they fit; docs/dataset.md maps
 * them. Types come from the schemas (`z.infer`), never written twice.
 *
 * The schema checks each value on its own; cross-references (ids that must
 * exist, aliases two entities share) are checked in integrity.ts.
 */

export const SCHEMA_VERSION = 2;

const slug = '[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?';
export const outletKinds = [
  'newspaper',
  'magazine',
  'wire',
  'broadcaster',
  'website',
  'aggregator',
  'blog',
  'government',
  'ngo',
] as const;
export const aliasForms = ['name', 'short', 'abbreviation', 'demonym', 'title', 'capital', 'spelling'] as const;
export const dealStatuses = [
  'proposed',
  'in-talks',
  'preliminary',
  'active',
  'blocked',
  'refused',
  'suspended',
  'ended',
] as const;
export const figureKinds = ['money', 'count', 'date', 'text'] as const;
export const figureQualifiers = ['exactly', 'about', 'at-least', 'at-most', 'up-to', 'more-than'] as const;
function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Builds the zod schemas. Construction is deferred to first use (see
 * datasetSchemas below) because building a few dozen zod schemas costs a
 * content script several milliseconds at start-up on every page, while it only
 * needs them when a dataset other than the bundled one is active.
 */
function buildSchemas() {
  const text = (max: number) =>
    z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
  const list = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max, `must have at most ${max} items`);

  /** "kind:slug" — the kind is any lower-case word, so datasets can add kinds. */
  const entityIdSchema = z
    .string()
    .regex(new RegExp(`^[a-z][a-z0-9-]{0,30}:${slug}$`), 'must look like "kind:slug", e.g. "country:rwanda"');
  const claimIdSchema = z.string().regex(new RegExp(`^claim:${slug}$`), 'must look like "claim:slug"');
  const storyIdSchema = z.string().regex(new RegExp(`^story:${slug}$`), 'must look like "story:slug"');
  const outletIdSchema = z.string().regex(new RegExp(`^outlet:${slug}$`), 'must look like "outlet:slug"');

  /**
   * A calendar date at the precision the source gives: "2025", "2025-04" or
   * "2025-04-04". Reports often give only a month ("late January 2025").
   */
  const partialDateSchema = z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be a date written YYYY, YYYY-MM or YYYY-MM-DD')
    .refine((value) => {
      const [year, month = 1, day = 1] = value.split('-').map(Number) as [number, number?, number?];
      return month >= 1 && month <= 12 && isRealDate(year, month, day);
    }, 'is not a real calendar date');

  /** A full calendar date, YYYY-MM-DD. */
  const fullDateSchema = partialDateSchema.refine(
    (value) => value.length === 10,
    'must be a full date written YYYY-MM-DD',
  );

  const httpsUrlSchema = z
    .string()
    .max(LIMITS.urlLength, `must be at most ${LIMITS.urlLength} characters`)
    .refine((value) => {
      try {
        const url = new URL(value);
        return url.protocol === 'https:' && url.username === '' && url.password === '';
      } catch {
        return false;
      }
    }, 'must be an https:// URL');

  const wikidataIdSchema = z.string().regex(/^Q[1-9]\d{0,11}$/, 'must be a Wikidata item id such as "Q1037"');

  const outletSchema = z.strictObject({
    id: outletIdSchema,
    name: text(LIMITS.nameLength),
    kind: z.enum(outletKinds),
    homepage: httpsUrlSchema.optional(),
    /** When the outlet could not be identified from the report itself ("an unnamed news site"). */
    note: text(LIMITS.noteLength).optional(),
  });

  const aliasSchema = z.strictObject({
    // No control characters: page text never names anything with them, and the
    // scanner separates blocks with U+0000, which no alias may contain.
    text: text(LIMITS.aliasLength).regex(/^\P{Cc}*$/u, 'must not contain control characters'),
    /** BCP 47 language tag, e.g. "en". */
    lang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as "en" or "pt-BR"'),
    /** When true only this exact capitalisation matches ("US", never "us"). */
    caseSensitive: z.boolean(),
    /**
     * The text can name something else too: another entity of this dataset
     * ("Sudan" inside "South Sudan" is handled by longest match, but "Georgia"
     * the US state is not) or a common word ("Chad", "Turkey"). The matcher
     * only accepts an ambiguous alias with supporting context.
     */
    ambiguous: z.boolean().optional(),
    form: z.enum(aliasForms).optional(),
  });

  /** A dated event in an entity's record, with the outlets that report it. */
  const keyDateSchema = z.strictObject({
    date: partialDateSchema,
    event: text(LIMITS.statementLength),
    reportedBy: list(outletIdSchema, LIMITS.versionsPerClaim).optional(),
  });

  const personDetailsSchema = z.strictObject({
    role: text(LIMITS.nameLength),
    /** The country the role belongs to. */
    country: entityIdSchema.optional(),
    roleFrom: partialDateSchema.optional(),
    roleTo: partialDateSchema.optional(),
    reportedBy: list(outletIdSchema, LIMITS.versionsPerClaim).optional(),
  });

  const countryDetailsSchema = z.strictObject({
    iso2: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as "RW"'),
    iso3: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 code such as "RWA"'),
    isoNumeric: z
      .string()
      .regex(/^\d{3}$/, 'must be a three-digit ISO 3166-1 numeric code')
      .optional(),
    demonyms: list(text(LIMITS.aliasLength), 20),
    capital: text(LIMITS.nameLength).optional(),
    unMember: z.boolean(),
  });

  const dealDetailsSchema = z.strictObject({
    parties: list(entityIdSchema, 50).min(1, 'a deal needs at least one party'),
    status: z.enum(dealStatuses),
    statusNote: text(LIMITS.statementLength).optional(),
    statusReportedBy: list(outletIdSchema, LIMITS.versionsPerClaim).optional(),
    /** Claims that carry the deal's figures (money, people, dates). */
    figures: list(claimIdSchema, LIMITS.claims).optional(),
  });

  const organizationDetailsSchema = z.strictObject({
    /** Free word: agency, court, ngo, prison, ministry, … */
    type: text(60),
    country: entityIdSchema.optional(),
  });

  const entitySchema = z.strictObject({
    id: entityIdSchema,
    kind: z.string().regex(/^[a-z][a-z0-9-]{0,30}$/, 'must be a lower-case word such as "country"'),
    name: text(LIMITS.nameLength),
    aliases: list(aliasSchema, LIMITS.aliasesPerEntity).min(1, 'needs at least one alias'),
    summary: text(LIMITS.summaryLength),
    asOf: fullDateSchema,
    sameAs: wikidataIdSchema.optional(),
    related: list(entityIdSchema, LIMITS.relatedPerEntity).optional(),
    keyDates: list(keyDateSchema, 100).optional(),
    person: personDetailsSchema.optional(),
    country: countryDetailsSchema.optional(),
    deal: dealDetailsSchema.optional(),
    organization: organizationDetailsSchema.optional(),
  });

  /**
   * A figure as one outlet reported it. `asReported` keeps the outlet's own
   * wording ("$6 cardinal" in a machine-spun copy); the other fields are the
   * normalised reading. Which fields are required depends on the claim's
   * figureKind (integrity.ts): money needs value + an ISO 4217 unit, count a
   * value, date a date, text the wording alone.
   */
  const figureSchema = z.strictObject({
    asReported: text(LIMITS.nameLength),
    value: z.number().finite().nonnegative().optional(),
    unit: text(40).optional(),
    qualifier: z.enum(figureQualifiers).optional(),
    date: partialDateSchema.optional(),
  });

  const citationSchema = z.strictObject({
    /** Who the outlet says it got the fact from: an outlet of this dataset, or a named source. */
    outlet: outletIdSchema.optional(),
    name: text(LIMITS.nameLength).optional(),
    url: httpsUrlSchema.optional(),
  });

  /** One outlet's version of a claim (schema.org Claim.appearance). */
  const claimVersionSchema = z.strictObject({
    outlet: outletIdSchema,
    datePublished: partialDateSchema,
    /** The key word the outlet used, where versions differ on it: "requested", "paid", "received". */
    term: text(60).optional(),
    /** The outlet's framing of the claim, in the dataset authors' own words. */
    framing: text(LIMITS.statementLength),
    /** Absent when the outlet reported the claim without a figure. */
    figure: figureSchema.optional(),
    citation: list(citationSchema, 10).optional(),
    url: httpsUrlSchema.optional(),
  });

  const claimSchema = z.strictObject({
    id: claimIdSchema,
    about: list(entityIdSchema, 50).min(1, 'a claim must be about at least one entity'),
    /** What the claim is about, stated neutrally, without taking any outlet's version. */
    statement: text(LIMITS.statementLength),
    figureKind: z.enum(figureKinds),
    versions: list(claimVersionSchema, LIMITS.versionsPerClaim).min(1, 'a claim needs at least one outlet version'),
  });

  const storyVersionSchema = z.strictObject({
    outlet: outletIdSchema,
    datePublished: partialDateSchema,
    angle: text(LIMITS.statementLength),
    headline: text(LIMITS.nameLength).optional(),
    url: httpsUrlSchema.optional(),
  });

  const storySchema = z.strictObject({
    id: storyIdSchema,
    title: text(LIMITS.nameLength),
    date: partialDateSchema,
    about: list(entityIdSchema, 200).min(1, 'a story must be about at least one entity'),
    claims: list(claimIdSchema, LIMITS.claims),
    versions: list(storyVersionSchema, LIMITS.versionsPerClaim).min(1, 'a story needs at least one outlet version'),
  });

  const creditSchema = z.strictObject({
    name: text(LIMITS.nameLength),
    licence: text(LIMITS.nameLength),
    url: httpsUrlSchema.optional(),
    usedFor: text(LIMITS.statementLength),
  });

  const datasetSchema = z.strictObject({
    schemaVersion: z.literal(SCHEMA_VERSION),
    id: z.string().regex(new RegExp(`^${slug}$`), 'must be a lower-case slug such as "third-country-deportations"'),
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a version number such as "1.4.0"'),
    publishedAt: fullDateSchema,
    title: text(LIMITS.nameLength),
    description: text(LIMITS.summaryLength).optional(),
    licence: text(LIMITS.nameLength),
    credits: list(creditSchema, 20).optional(),
    outlets: list(outletSchema, LIMITS.outlets),
    entities: list(entitySchema, LIMITS.entities).min(1, 'a dataset needs at least one entity'),
    claims: list(claimSchema, LIMITS.claims),
    stories: list(storySchema, LIMITS.stories),
  });
  return {
    entityIdSchema,
    claimIdSchema,
    storyIdSchema,
    outletIdSchema,
    partialDateSchema,
    fullDateSchema,
    httpsUrlSchema,
    wikidataIdSchema,
    outletSchema,
    aliasSchema,
    keyDateSchema,
    personDetailsSchema,
    countryDetailsSchema,
    dealDetailsSchema,
    organizationDetailsSchema,
    entitySchema,
    figureSchema,
    citationSchema,
    claimVersionSchema,
    claimSchema,
    storyVersionSchema,
    storySchema,
    creditSchema,
    datasetSchema,
  };
}

type Schemas = ReturnType<typeof buildSchemas>;

/** The dataset format's zod schemas, built on first call. */
export const datasetSchemas: () => Schemas = builtOnFirstUse(buildSchemas);

export type Outlet = z.infer<Schemas['outletSchema']>;
export type Alias = z.infer<Schemas['aliasSchema']>;
export type KeyDate = z.infer<Schemas['keyDateSchema']>;
export type Entity = z.infer<Schemas['entitySchema']>;
export type Figure = z.infer<Schemas['figureSchema']>;
export type ClaimVersion = z.infer<Schemas['claimVersionSchema']>;
export type Claim = z.infer<Schemas['claimSchema']>;
export type Story = z.infer<Schemas['storySchema']>;
export type Dataset = z.infer<Schemas['datasetSchema']>;
export type FigureKind = (typeof figureKinds)[number];
