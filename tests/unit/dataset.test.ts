import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../lib/bundled-dataset';
import { validateDataset } from '../../lib/dataset';
import { datasetJsonSchemaText } from '../../lib/dataset/json-schema';
import { minimalDataset } from './dataset-fixture';

const run = promisify(execFile);

describe('the bundled dataset', () => {
  it('passes the schema and integrity checks', () => {
    const result = validateDataset(bundledDataset());
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it('gives every entity an alias equal to its name, so the name itself is found', () => {
    for (const entity of bundledDataset().entities) {
      expect(
        entity.aliases.map((alias) => alias.text),
        entity.id,
      ).toContain(entity.name);
    }
  });
});

describe('docs/dataset.schema.json', () => {
  it('is the JSON Schema generated from the zod schema (run `npm run dataset:schema` after changing it)', async () => {
    expect(await readFile('docs/dataset.schema.json', 'utf8')).toBe(datasetJsonSchemaText());
  });
});

describe('npm run dataset:check', () => {
  const check = (file: string) => run('node_modules/.bin/jiti', ['scripts/check-dataset.ts', file]);

  it('prints every problem with its path and exits 1 for a broken file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'crossread-check-'));
    const broken = structuredClone(minimalDataset()) as unknown as {
      outlets: Array<{ homepage: string }>;
      claims: Array<{ about: string[] }>;
    };
    (broken.outlets[0] as { homepage: string }).homepage = 'javascript:alert(1)';
    (broken.claims[0] as { about: string[] }).about = ['country:atlantis'];
    const file = join(dir, 'broken.json');
    await writeFile(file, JSON.stringify(broken));
    const failure = await check(file).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('outlets[0].homepage: must be an https:// URL');
  });

  it('reports a valid file with its counts and exits 0', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'crossread-check-'));
    const file = join(dir, 'good.json');
    await writeFile(file, JSON.stringify(minimalDataset()));
    const { stdout } = await check(file);
    expect(stdout).toMatch(
      /✓ .*good\.json: "Test dataset" 1\.2\.0 is valid — 3 entities \(1 country, 1 person, 1 deal\), 1 claims/,
    );
  });
});
