/**
 * Upper bounds for a dataset from an untrusted source (a URL or a file). They
 * are generous for real datasets (the bundled one uses a fraction of each)
 * and stop a hostile or broken file from exhausting memory, storage quota or
 * the matcher's compile time.
 */
export const LIMITS = {
  /** UTF-8 bytes of the JSON text. */
  totalBytes: 4 * 1024 * 1024,
  outlets: 2_000,
  entities: 10_000,
  aliasesPerEntity: 100,
  aliasesTotal: 60_000,
  relatedPerEntity: 200,
  claims: 10_000,
  stories: 5_000,
  versionsPerClaim: 200,
  aliasLength: 120,
  nameLength: 300,
  summaryLength: 2_000,
  statementLength: 2_000,
  noteLength: 1_000,
  urlLength: 2_048,
} as const;
