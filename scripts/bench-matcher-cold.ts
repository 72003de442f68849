/**
 * Cold-start benchmark of the matching engine, as a content script meets it:
 * every sample runs in a fresh Node process, so nothing is compiled, cached
 * or warmed up yet.
 *
 *   npx jiti scripts/bench-matcher-cold.ts            # 9 samples per measurement
 *   npx jiti scripts/bench-matcher-cold.ts 15         # more samples
 *   npx jiti scripts/bench-matcher-cold.ts 9 /tmp/old # also a baseline checkout (e.g. a git worktree)
 *
 * The matcher and the bundled matcher data are bundled into one plain ES
 * module first (with rolldown, which Vite already brings), as the extension
 * bundles them, so a sample times the engine rather than a TypeScript loader.
 * Each sample process reports:
 * - import: evaluating that module (module-level tables included);
 * - load: `bundledMatcher()`, the precompiled matcher made ready;
 * - first / second / third: `findMentions` (or `normalizeText`) over every
 *   text block of a real page (/work/shared/realpages, or
 *   CROSSREAD_REAL_PAGES), one call per block as page/scanner.ts does.
 * Blocks are the page's text between tags, scripts and styles removed: rough,
 * but the same text a page's text nodes hold.
 * The table shows the median of the samples and, in brackets, min–max.
 * With a baseline, its samples interleave with this tree's, so machine
 * noise hits both alike.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rawTextPlugin } from '../bench/raw-text-plugin';

const root = fileURLToPath(new URL('..', import.meta.url));
const pagesDir = process.env.CROSSREAD_REAL_PAGES ?? '/work/shared/realpages';
const pages = ['cnn', 'qq', 'aktualne'];
const samples = Number(process.argv[2] ?? 9);
const baseline = process.argv[3] ? resolve(process.argv[3]) : undefined;
const work = join(tmpdir(), `crossread-bench-cold-${process.pid}`);

const entry = (tree: string) => `
export { bundledMatcher } from ${JSON.stringify(resolve(tree, 'lib/bundled-dataset.ts'))};
export { normalizeText } from ${JSON.stringify(resolve(tree, 'lib/matching/normalize.ts'))};
`;

/** The sample process: plain JavaScript, run by `node` with no loader. */
const CHILD = `
import { readFileSync } from 'node:fs';
const [mode, blocksFile] = process.argv.slice(2);
const blocks = blocksFile ? JSON.parse(readFileSync(blocksFile, 'utf8')) : [];
const times = {};
let t = performance.now();
const engine = await import(process.env.ENGINE);
times.import = performance.now() - t;
if (mode === 'normalize') {
  for (const pass of ['first', 'second', 'third']) {
    t = performance.now();
    for (const block of blocks) engine.normalizeText(block);
    times[pass] = performance.now() - t;
  }
} else {
  t = performance.now();
  const matcher = engine.bundledMatcher();
  times.load = performance.now() - t;
  const options = { confirmedEntityIds: new Set() };
  let mentions = 0;
  for (const pass of ['first', 'second', 'third']) {
    t = performance.now();
    mentions = 0;
    for (const block of blocks) mentions += matcher.findMentions(block, options).length;
    times[pass] = performance.now() - t;
  }
  times.mentions = mentions;
}
process.stdout.write(JSON.stringify(times));
`;

function decodeEntities(text: string): string {
  return text
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(Number.parseInt(code, 16)))
    .replace(/&[a-z]+;/gi, ' ');
}

/** The text blocks of a saved page, roughly its text nodes. */
function pageBlocks(html: string): string[] {
  return html
    .replace(/<script[\s\S]*?<\/script>/gi, '')
    .replace(/<style[\s\S]*?<\/style>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .split(/<[^>]*>/)
    .map(decodeEntities)
    .filter((block) => block.trim().length > 0);
}

async function bundleEngine(tree: string, name: string): Promise<void> {
  const { build } = await import('rolldown');
  await build({
    input: 'crossread-bench-entry',
    cwd: tree,
    tsconfig: false, // the engine needs none; a bare checkout has no .wxt/tsconfig.json to extend
    logLevel: 'silent',
    plugins: [
      rawTextPlugin(),
      {
        name: 'entry',
        resolveId: (id) => (id === 'crossread-bench-entry' ? id : null),
        load: (id) => (id === 'crossread-bench-entry' ? entry(tree) : null),
      },
    ],
    output: { file: join(work, name), format: 'esm', minify: false },
  });
}

type Times = Record<string, number>;

function sample(engine: string, mode: string, blocksFile?: string): Times {
  const args = [join(work, 'child.mjs'), mode];
  if (blocksFile) args.push(blocksFile);
  const env = { ...process.env, ENGINE: `./${engine}` };
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', cwd: work, env });
  if (run.status !== 0) throw new Error(`sample failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Times;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function summary(runs: Times[], key: string): string {
  const values = runs.map((run) => run[key] as number);
  const fmt = (value: number) => value.toFixed(2);
  return `${fmt(median(values))} (${fmt(Math.min(...values))}–${fmt(Math.max(...values))})`;
}

interface Results {
  load: Times[];
  find: Map<string, Times[]>;
  normalize: Map<string, Times[]>;
}

function results(): Results {
  return {
    load: [],
    find: new Map(pages.map((page) => [page, []])),
    normalize: new Map(pages.map((page) => [page, []])),
  };
}

function report(title: string, { load, find, normalize }: Results): void {
  console.log(`\n== ${title}`);
  console.log(`module import ${summary(load, 'import')}`);
  console.log(`bundledMatcher() ${summary(load, 'load')}`);
  for (const page of pages) {
    const runs = find.get(page) ?? [];
    console.log(
      `${page} findMentions (${runs[0]?.mentions} mentions): first ${summary(runs, 'first')}, ` +
        `second ${summary(runs, 'second')}, third ${summary(runs, 'third')}`,
    );
    const norm = normalize.get(page) ?? [];
    console.log(
      `${page} normalizeText: first ${summary(norm, 'first')}, second ${summary(norm, 'second')}, ` +
        `third ${summary(norm, 'third')}`,
    );
  }
}

async function main(): Promise<void> {
  mkdirSync(work, { recursive: true });
  writeFileSync(join(work, 'child.mjs'), CHILD);
  const engines = new Map<string, Results>([['engine.mjs', results()]]);
  await bundleEngine(root, 'engine.mjs');
  if (baseline) {
    await bundleEngine(baseline, 'baseline.mjs');
    engines.set('baseline.mjs', results());
  }
  console.log(`Cold matcher benchmark: median of ${samples} fresh node processes each, ms (min–max)\n`);

  const blockFiles = new Map<string, string>();
  for (const page of pages) {
    const blocks = pageBlocks(readFileSync(join(pagesDir, `${page}.html`), 'utf8'));
    const file = join(work, `${page}.json`);
    writeFileSync(file, JSON.stringify(blocks));
    blockFiles.set(page, file);
    const chars = blocks.reduce((sum, block) => sum + block.length, 0);
    console.log(`${page}: ${blocks.length} blocks, ${chars} characters`);
  }
  // Samples of the different measurements interleave, so machine noise hits them alike.
  for (let i = 0; i < samples; i++) {
    for (const [engine, { load, find, normalize }] of engines) {
      load.push(sample(engine, 'load'));
      for (const page of pages) {
        find.get(page)?.push(sample(engine, 'find', blockFiles.get(page)));
        normalize.get(page)?.push(sample(engine, 'normalize', blockFiles.get(page)));
      }
    }
  }
  if (baseline) report(`baseline: ${baseline}`, engines.get('baseline.mjs') ?? results());
  report(`this tree: ${root}`, engines.get('engine.mjs') ?? results());
}

await main();
