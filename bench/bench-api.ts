/**
 * What bench/engine-entry.ts exposes as `window.crossreadBench` inside the
 * page, shared by the page side and the Node side (bench/run.ts).
 */
import type MarkJs from 'mark.js';

/** User timing marks around every measured run, so a CDP trace can find the run's tasks. */
export const TRACE_RUN_START = 'crossread-bench:start';
export const TRACE_RUN_END = 'crossread-bench:end';

export interface RunTiming {
  /** Wall-clock time from the start of the work until it finished (performance.now()). */
  ms: number;
  /** The longest task of 50 ms or more during the run, from a longtask PerformanceObserver; 0 if none. */
  longestLongTaskMs: number;
  longTaskCount: number;
}

export interface FloorResult extends RunTiming {
  textNodes: number;
  characters: number;
}

export interface HighlightResult extends RunTiming {
  mentions: number;
  /** Loading the bundled dataset's precompiled matcher just before, not part of `ms`. */
  matcherMs: number;
}

export interface MarkJsResult extends RunTiming {
  marks: number;
  aliasesDone: number;
  aliasesTotal: number;
  /** False when the time budget ran out before every alias was marked: `ms` is then a lower bound. */
  complete: boolean;
}

export interface CompileResult {
  ms: number;
  aliases: number;
  entities: number;
}

export interface ScanResult extends RunTiming {
  mentions: number;
  aliases: number;
  /** compileMatcher for this size, after the sizes compiled before it in the same page. */
  compileMs: number;
}

export interface CrossreadBench {
  /** Resolves once the page has rendered and is idle, after a garbage collection when available. */
  settle(): Promise<void>;
  /** A bare TreeWalker collecting the text of every text node under document.body. */
  floor(): Promise<FloorResult>;
  /** Scan and paint with the bundled dataset (CSS Custom Highlight API). */
  paint(): Promise<HighlightResult>;
  /** Scan and wrap with the bundled dataset (<mark> elements). */
  wrap(): Promise<HighlightResult>;
  /** Removes what paint() or wrap() showed. */
  clear(): void;
  /** compileMatcher on the bundled dataset. */
  compile(): Promise<CompileResult>;
  /** Loading the bundled dataset's matcher from its precompiled form, as the content script does. */
  loadMatcher(): Promise<CompileResult>;
  /**
   * Scan only (no highlighting) with a dataset of `aliasCount` aliases,
   * after compiling datasets of each of `compileFirst` sizes and this one.
   */
  scanWith(aliasCount: number, compileFirst: readonly number[]): Promise<ScanResult>;
  /** One mark.js mark() call per alias, stopping between aliases once `budgetMs` has passed. */
  markNaive(budgetMs: number): Promise<MarkJsResult>;
  /** One mark.js markRegExp() call with every alias in one alternation, longest first. */
  markCombined(): Promise<MarkJsResult>;
}

declare global {
  interface Window {
    crossreadBench?: CrossreadBench;
    /** mark.js, injected with its own script tag. */
    Mark?: typeof MarkJs;
    /** With --js-flags=--expose-gc. */
    gc?: () => void;
  }
}
