// Imported as text and parsed on first use: V8 parses JSON text several times
// faster than it compiles and runs the same data written as an object literal
// (what a JSON module import becomes), and the content script pays that cost
// on every page load. This module leaves out the bundled dataset itself
// (lib/bundled-dataset.ts), so the content script does not even carry it.
import bundledEntitiesText from '../assets/datasets/third-country-deportations.entities.json?raw';
import bundledMatcherText from '../assets/datasets/third-country-deportations.matcher.json?raw';
import { type Matcher, type MatcherData, matcherFromData } from './matcher';
import { type PageEntitiesData, type PageIndex, pageIndexFromData } from './page-index';

/** Vite hands over `?raw` imports as text; jiti (the Node scripts) ignores the suffix and hands over the parsed JSON. */
export function fromJson<T>(imported: unknown): T {
  return (typeof imported === 'string' ? JSON.parse(imported) : imported) as T;
}

let matcherData: MatcherData | undefined;
let matcher: Matcher | undefined;
let index: PageIndex | undefined;

function bundledMatcherData(): MatcherData {
  matcherData ??= fromJson<MatcherData>(bundledMatcherText);
  return matcherData;
}

/**
 * The bundled dataset's matcher, loaded from the form compiled at build time:
 * compiling it on a page would cost tens of milliseconds on a cold start.
 */
export function bundledMatcher(): Matcher {
  matcher ??= index?.matcher ?? matcherFromData(bundledMatcherData());
  return matcher;
}

/**
 * What a page needs of the bundled dataset (matcher, entity kinds and names),
 * from the files `npm run dataset:build` writes next to it: the page never
 * parses the 270 KB dataset.
 */
export function bundledPageIndex(): PageIndex {
  index ??= pageIndexFromData(bundledMatcherData(), fromJson<PageEntitiesData>(bundledEntitiesText));
  return index;
}
