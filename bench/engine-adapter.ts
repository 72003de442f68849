/**
 * The bench's only door into Crossread's engine: bench/engine-entry.ts calls
 * these functions and nothing else of page/ or lib/, so when the
 * scanner, matcher or highlighter API changes, this is the file to update.
 * Keep measuring logic out of it.
 */
import { bundledDataset, bundledMatcher } from '../lib/bundled-dataset';
import type { Entity } from '../lib/dataset';
import { compileMatcher, type Matcher } from '../lib/matcher';
import { createPaintHighlighter, createWrapHighlighter } from '../page/highlighter';
import { scanForMentions } from '../page/scanner';

export type CompiledDataset = Matcher;
export type RenderMode = 'paint' | 'wrap';

export interface ShownMentions {
  mentions: number;
  /** Removes every highlight this call added. */
  clear(): void;
}

/** The entities of the dataset shipped with the extension. */
export function bundledEntities(): readonly Entity[] {
  return bundledDataset().entities;
}

/** Compiles a dataset's aliases, as the content script does for any dataset but the bundled one. */
export function compileEntities(entities: readonly Entity[]): CompiledDataset {
  return compileMatcher(entities);
}

/** The bundled dataset's matcher as the content script gets it: loaded from the form compiled at build time. */
export function loadBundledMatcher(): CompiledDataset {
  return bundledMatcher();
}

/** Scans the page under `root` without showing anything; resolves with the number of mentions once it is done. */
export async function scanPage(root: Element, compiled: CompiledDataset): Promise<number> {
  return (await scanForMentions(root, compiled)).length;
}

/**
 * Scans under `root` and shows every mention, the way the content script
 * does (page/live-highlighting.ts): each block's mentions are highlighted as
 * soon as the time-sliced scan finds them. Resolves when the scan is done.
 */
export async function highlightPage(
  mode: RenderMode,
  root: Element,
  compiled: CompiledDataset,
  kindOf: (entityId: string) => string,
): Promise<ShownMentions> {
  const highlighter = mode === 'paint' ? createPaintHighlighter() : createWrapHighlighter(root.ownerDocument);
  const found = await scanForMentions(root, compiled, {
    onMentions: (mentions) => highlighter.add(mentions, kindOf),
  });
  return { mentions: found.length, clear: () => highlighter.clear() };
}
