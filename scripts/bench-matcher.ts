/**
 * Micro-benchmark of the matching engine (lib/matching/), in Node:
 *
 *   npx jiti scripts/bench-matcher.ts
 *   node --expose-gc node_modules/jiti/lib/jiti-cli.mjs scripts/bench-matcher.ts   # steadier
 *
 * Prints the compile time of the bundled dataset (first call in a fresh
 * process, then warm), the cost of loading its precompiled form, and compile
 * and scan times for 300, 3,000 and 30,000 synthetic aliases over two ~1 MB
 * texts: one naming only the first 300 aliases (the same mentions for every
 * size, so it shows what the dictionary size alone costs) and one naming any
 * of them. Everything is seeded, so runs differ only by machine noise.
 */

import { randomSource } from '../bench/synthetic-entities';
import { bundledDataset } from '../lib/bundled-dataset';
import type { Entity } from '../lib/dataset';
import { compileMatcher, compileMatcherData, matcherFromData } from '../lib/matcher';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function time<T>(run: () => T): [T, number] {
  const start = performance.now();
  const result = run();
  return [result, performance.now() - start];
}

const SYLLABLES = ['ka', 'ro', 'te', 'lu', 'mi', 'sa', 'no', 'vi', 'da', 'be', 'zu', 'ha', 'po', 'ri', 'ne', 'to'];

function syntheticName(next: () => number): string {
  const words = 1 + Math.floor(next() * 3);
  const parts: string[] = [];
  for (let w = 0; w < words; w++) {
    let word = '';
    const syllables = 2 + Math.floor(next() * 3);
    for (let s = 0; s < syllables; s++) word += SYLLABLES[Math.floor(next() * SYLLABLES.length)];
    parts.push(word.charAt(0).toUpperCase() + word.slice(1));
  }
  return parts.join(' ');
}

/** `count` distinct aliases over entities of three aliases each; the first 300 are the same for every count. */
function syntheticEntities(count: number): Entity[] {
  const next = randomSource(42);
  const seen = new Set<string>();
  const entities: Entity[] = [];
  while (seen.size < count) {
    const text = syntheticName(next);
    if (seen.has(text)) continue;
    seen.add(text);
    const roll = next();
    const index = seen.size - 1;
    const entityIndex = Math.floor(index / 3);
    let entity = entities[entityIndex];
    if (!entity) {
      entity = {
        id: `thing:e${entityIndex}`,
        kind: 'thing',
        name: text,
        summary: 'synthetic',
        asOf: '2025-01-01',
        aliases: [],
      };
      entities.push(entity);
    }
    entity.aliases.push({ text, lang: 'en', caseSensitive: roll < 0.3, ambiguous: roll > 0.95 });
  }
  return entities;
}

const FILLER = (
  'the of and to in a is that for it as was with be by on not he this are or his from at which but have an ' +
  'they you were her she there been one all we their has would when if so no what up out about who them ' +
  'minister government officials said deal country deportation flight court ruling agreement talks migrants ' +
  'president announced week report according statement press news capital border policy plan asylum'
).split(' ');

/** About `bytes` characters of prose-like text: filler words, punctuation and mentions of `names`. */
function syntheticText(bytes: number, names: readonly string[]): string {
  const next = randomSource(7);
  const parts: string[] = [];
  let length = 0;
  while (length < bytes) {
    const roll = next();
    let word: string;
    if (roll < 0.04) word = names[Math.floor(next() * names.length)] ?? 'the';
    else if (roll < 0.05) word = 'José Raúl’s';
    else word = FILLER[Math.floor(next() * FILLER.length)] ?? 'the';
    const punctuation = next();
    const piece = punctuation < 0.06 ? `${word}. ` : punctuation < 0.12 ? `${word}, ` : `${word} `;
    parts.push(piece);
    length += piece.length;
  }
  return parts.join('');
}

function benchBundled(): void {
  const entities = bundledDataset().entities;
  const aliases = entities.reduce((sum, entity) => sum + entity.aliases.length, 0);
  const [, cold] = time(() => compileMatcher(entities));
  for (let i = 0; i < 30; i++) compileMatcher(entities); // let the JIT finish
  const warm: number[] = [];
  for (let i = 0; i < 30; i++) warm.push(time(() => compileMatcher(entities))[1]);
  const data = compileMatcherData(entities);
  const json = JSON.stringify(data);
  const [, loadCold] = time(() => matcherFromData(JSON.parse(json)));
  for (let i = 0; i < 30; i++) matcherFromData(JSON.parse(json));
  const load: number[] = [];
  for (let i = 0; i < 30; i++) load.push(time(() => matcherFromData(JSON.parse(json)))[1]);
  console.log(`bundled dataset: ${entities.length} entities, ${aliases} aliases`);
  console.log(`  compileMatcher: first call ${cold.toFixed(2)} ms, warm median ${median(warm).toFixed(2)} ms`);
  console.log(
    `  matcherFromData (JSON.parse included): first call ${loadCold.toFixed(2)} ms, warm median ${median(load).toFixed(2)} ms; ` +
      `${(json.length / 1024).toFixed(0)} KiB of JSON`,
  );
}

function benchSynthetic(): void {
  const sizes = [300, 3_000, 30_000];
  const all = syntheticEntities(Math.max(...sizes));
  const allNames = all.flatMap((entity) => entity.aliases.map((alias) => alias.text));
  const texts = [
    { label: 'prose naming the first 300 aliases', text: syntheticText(1_000_000, allNames.slice(0, 300)) },
    // Harder: mentions of any of the 30,000 names, so a bigger dictionary also finds more.
    { label: 'prose naming any of the 30,000 aliases', text: syntheticText(1_000_000, allNames) },
  ];
  const matchers = sizes.map((size) => {
    const entities: Entity[] = [];
    let left = size;
    for (const entity of all) {
      if (left <= 0) break;
      const aliases = entity.aliases.slice(0, left);
      left -= aliases.length;
      entities.push({ ...entity, aliases });
    }
    const compiles: number[] = [];
    let matcher = compileMatcher(entities);
    for (let i = 0; i < 5; i++) {
      const [compiled, ms] = time(() => compileMatcher(entities));
      matcher = compiled;
      compiles.push(ms);
    }
    console.log(`  ${String(size).padStart(6)} aliases: compile median ${median(compiles).toFixed(1)} ms`);
    return { size, matcher };
  });
  for (const { label, text } of texts) {
    console.log(`${label}: ${(text.length / 1e6).toFixed(2)} M characters`);
    const runs = matchers.map(({ size, matcher }) => {
      matcher.findMentions(text); // warm-up
      return { size, matcher, scans: [] as number[], mentions: 0 };
    });
    // Rounds interleave the sizes, so machine noise spreads over all of them.
    for (let round = 0; round < 15; round++) {
      for (const run of runs) {
        // With --expose-gc, collect first so one run's garbage does not bill the next.
        (globalThis as { gc?: () => void }).gc?.();
        const [found, ms] = time(() => run.matcher.findMentions(text));
        run.mentions = found.length;
        run.scans.push(ms);
      }
    }
    const baseline = Math.min(...(runs[0]?.scans ?? []));
    for (const run of runs) {
      const best = Math.min(...run.scans);
      console.log(
        `  ${String(run.size).padStart(6)} aliases: scan best ${best.toFixed(1).padStart(5)} ms, ` +
          `median ${median(run.scans).toFixed(1).padStart(5)} ms (best ${(best / baseline).toFixed(2)}× the 300-alias best), ` +
          `${run.mentions} mentions`,
      );
    }
  }
}

benchBundled();
benchSynthetic();
