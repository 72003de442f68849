// `npm run dataset:check [file …]`: validates dataset files the way the
// extension validates an import, and prints every problem with its path.
// With no file, checks the bundled dataset. Exits 1 when any file fails.
import { readFile } from 'node:fs/promises';
import { countEntitiesByKind, formatIssues, validateDatasetJson } from '../lib/dataset';

const BUNDLED = 'assets/datasets/third-country-deportations.json';

async function check(path: string): Promise<boolean> {
  let json: string;
  try {
    json = await readFile(path, 'utf8');
  } catch (error) {
    console.error(`✗ ${path}: cannot be read (${error instanceof Error ? error.message : String(error)})`);
    return false;
  }
  const result = validateDatasetJson(json);
  if (!result.ok) {
    console.error(`✗ ${path}: ${result.issues.length} problem${result.issues.length === 1 ? '' : 's'}`);
    console.error(formatIssues(result.issues));
    return false;
  }
  const { dataset } = result;
  const kinds = [...countEntitiesByKind(dataset)].map(([kind, count]) => `${count} ${kind}`).join(', ');
  console.log(
    `✓ ${path}: "${dataset.title}" ${dataset.version} is valid — ${dataset.entities.length} entities (${kinds}), ` +
      `${dataset.claims.length} claims, ${dataset.stories.length} stories, ${dataset.outlets.length} outlets`,
  );
  return true;
}

const files = process.argv.slice(2);
const results = await Promise.all((files.length > 0 ? files : [BUNDLED]).map(check));
if (results.includes(false)) process.exitCode = 1;
