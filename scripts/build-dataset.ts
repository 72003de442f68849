/**
 * npm run dataset:build [-- --brief <file>] [--out <file>] [--check]
 *
 * Builds assets/datasets/third-country-deportations.json from data/brief.json
 * and the country layer generated from world-countries and country-coder
 * (scripts/dataset-build/). Validates the result and writes nothing when it
 * is invalid. --check writes nothing and fails when the file is out of date.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { countEntitiesByKind } from '../lib/dataset';
import {
  BRIEF_PATH,
  buildDataset,
  ENTITIES_OUTPUT_PATH,
  MATCHER_OUTPUT_PATH,
  OUTPUT_PATH,
} from './dataset-build/build';
import { DatasetBuildError } from './dataset-build/merge';

const root = resolve(import.meta.dirname, '..');

function main(): number {
  const { values } = parseArgs({
    options: {
      brief: { type: 'string', default: resolve(root, BRIEF_PATH) },
      out: { type: 'string', default: resolve(root, OUTPUT_PATH) },
      check: { type: 'boolean', default: false },
    },
  });
  const briefPath = resolve(values.brief);
  const outPath = resolve(values.out);
  const show = (path: string) => relative(process.cwd(), path) || path;

  if (!existsSync(briefPath)) {
    console.error(`${show(briefPath)} does not exist; nothing to build.`);
    return 1;
  }
  let brief: unknown;
  try {
    brief = JSON.parse(readFileSync(briefPath, 'utf8'));
  } catch (error) {
    console.error(`${show(briefPath)} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }

  let built: ReturnType<typeof buildDataset>;
  try {
    built = buildDataset(brief);
  } catch (error) {
    if (!(error instanceof DatasetBuildError)) throw error;
    console.error(error.message);
    console.error(`Nothing written to ${show(outPath)}.`);
    return 1;
  }

  const { dataset, json, matcherJson, entitiesJson, sharedAliases } = built;
  const matcherPath = resolve(root, MATCHER_OUTPUT_PATH);
  const entitiesPath = resolve(root, ENTITIES_OUTPUT_PATH);
  const aliases = dataset.entities.reduce((sum, entity) => sum + entity.aliases.length, 0);
  const kinds = [...countEntitiesByKind(dataset)].map(([kind, count]) => `${count} ${kind}`).join(', ');
  const summary = `${dataset.entities.length} entities (${kinds}), ${aliases} aliases, ${sharedAliases.length} shared alias texts marked ambiguous`;

  if (values.check) {
    const read = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);
    if (read(outPath) !== json || read(matcherPath) !== matcherJson || read(entitiesPath) !== entitiesJson) {
      console.error(
        `${show(outPath)}, ${show(matcherPath)} or ${show(entitiesPath)} is out of date; run npm run dataset:build.`,
      );
      return 1;
    }
    console.log(`${show(outPath)} is up to date: ${summary}.`);
    return 0;
  }
  writeFileSync(outPath, json);
  writeFileSync(matcherPath, matcherJson);
  writeFileSync(entitiesPath, entitiesJson);
  console.log(
    `Wrote ${show(outPath)}: ${summary}; its compiled matcher, ${show(matcherPath)}, and page entities, ${show(entitiesPath)}.`,
  );
  return 0;
}

process.exitCode = main();
