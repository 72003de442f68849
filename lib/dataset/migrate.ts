import type { DatasetIssue } from './integrity';
import { SCHEMA_VERSION } from './schema';

export type MigrationResult = { ok: true; data: unknown } | { ok: false; issue: DatasetIssue };

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Each step turns a dataset of schema version N into N + 1 without looking
 * at anything it does not change; the schema validates the result.
 */
const MIGRATIONS: Record<number, (dataset: JsonObject) => JsonObject> = {
  // Version 1 was the starter format: entities only, no outlets, claims or stories.
  1: (dataset) => ({
    ...dataset,
    schemaVersion: 2,
    outlets: dataset.outlets ?? [],
    claims: dataset.claims ?? [],
    stories: dataset.stories ?? [],
  }),
};

/** Brings a decoded dataset of any known schema version up to the current one. */
export function migrateDataset(data: unknown): MigrationResult {
  if (!isObject(data)) {
    return { ok: false, issue: { path: '(the dataset)', message: 'must be a JSON object' } };
  }
  const version = data.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, issue: { path: 'schemaVersion', message: 'is missing or not a whole number ≥ 1' } };
  }
  if (version > SCHEMA_VERSION) {
    return {
      ok: false,
      issue: {
        path: 'schemaVersion',
        message: `is ${version}, newer than this version of Crossread understands (${SCHEMA_VERSION}); update Crossread to use this dataset`,
      },
    };
  }
  let current: JsonObject = data;
  for (let step = version; step < SCHEMA_VERSION; step++) {
    const migrate = MIGRATIONS[step];
    if (!migrate) return { ok: false, issue: { path: 'schemaVersion', message: `${step} cannot be migrated` } };
    current = migrate(current);
  }
  return { ok: true, data: current };
}
