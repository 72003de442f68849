/**
 * Builds the bundled dataset from the brief and the generated country layer.
 * Pure: takes the decoded brief, returns the JSON text; scripts/build-dataset.ts
 * reads and writes the files.
 */
import { checkSchema, type Dataset, SCHEMA_VERSION, validateDatasetJson } from '../../lib/dataset';
import { compileMatcherData } from '../../lib/matching';
import { pageEntitiesData } from '../../lib/page-index';
import { COUNTRY_LAYER_CREDITS, generateCountries } from './countries';
import { DatasetBuildError, mergeDataset } from './merge';

/** Where the build reads the brief and writes the dataset, relative to the repository root. */
export const BRIEF_PATH = 'data/brief.json';
export const OUTPUT_PATH = 'assets/datasets/third-country-deportations.json';
/** The bundled dataset's matcher, compiled ahead of time so no page pays for compiling it. */
export const MATCHER_OUTPUT_PATH = 'assets/datasets/third-country-deportations.matcher.json';
/** Kinds and names in the matcher's entity order: with the matcher, all a page needs (lib/page-index.ts). */
export const ENTITIES_OUTPUT_PATH = 'assets/datasets/third-country-deportations.entities.json';

export interface BuiltDataset {
  /** The file's text: 2-space JSON with a trailing newline. */
  json: string;
  /** The compiled matcher for the dataset (compileMatcherData), as JSON text. */
  matcherJson: string;
  /** The page entities (pageEntitiesData) in the matcher's order, as JSON text. */
  entitiesJson: string;
  dataset: Dataset;
  /** Alias keys that more than one entity uses, marked ambiguous on each. */
  sharedAliases: string[];
}

/**
 * Builds the dataset from a decoded brief. Throws DatasetBuildError, listing
 * every issue, when the brief is not a valid dataset on its own (its
 * cross-references may point at generated countries), names a country the
 * layer lacks, or when the merged dataset fails validateDataset.
 */
export function buildDataset(brief: unknown): BuiltDataset {
  const parsed = parseBrief(brief);
  const countries = generateCountries(parsed.publishedAt);
  const { dataset, sharedAliases } = mergeDataset(parsed, countries, COUNTRY_LAYER_CREDITS);
  const json = `${JSON.stringify(dataset, null, 2)}\n`;
  const validation = validateDatasetJson(json);
  if (!validation.ok) throw new DatasetBuildError('The merged dataset is not valid:', validation.issues);
  const matcherData = compileMatcherData(dataset.entities);
  const matcherJson = `${JSON.stringify(matcherData)}\n`;
  const entitiesJson = `${JSON.stringify(pageEntitiesData(dataset.entities, matcherData.entityIds))}\n`;
  return { json, matcherJson, entitiesJson, dataset, sharedAliases };
}

/** The dataset file's text for a decoded brief; see buildDataset. */
export function buildDatasetJson(brief: unknown): string {
  return buildDataset(brief).json;
}

/** Checks the brief against the schema alone: integrity can only be checked after the merge. */
function parseBrief(brief: unknown): Dataset {
  const version = (brief as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (version !== SCHEMA_VERSION) {
    throw new DatasetBuildError(`${BRIEF_PATH} is not a dataset of this format:`, [
      { path: 'schemaVersion', message: `must be ${SCHEMA_VERSION}, not ${JSON.stringify(version)}` },
    ]);
  }
  const result = checkSchema(brief);
  if (!result.ok) throw new DatasetBuildError(`${BRIEF_PATH} does not fit the dataset schema:`, result.issues);
  return result.dataset;
}
