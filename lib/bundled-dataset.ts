// Imported as text and parsed on first use: V8 parses JSON text several times
// faster than it compiles and runs the same data written as an object literal
// (what a JSON module import becomes), and the content script pays that cost
// on every page load.
import bundledText from '../assets/datasets/third-country-deportations.json?raw';
import bundledMatcherText from '../assets/datasets/third-country-deportations.matcher.json?raw';
import type { Dataset } from './dataset/schema';
import { type Matcher, type MatcherData, matcherFromData } from './matching';

/** Vite hands over `?raw` imports as text; jiti (the Node scripts) ignores the suffix and hands over the parsed JSON. */
function fromJson<T>(imported: unknown): T {
  return (typeof imported === 'string' ? JSON.parse(imported) : imported) as T;
}

let dataset: Dataset | undefined;
let matcher: Matcher | undefined;

/**
 * The dataset shipped inside the extension. It is validated when it is built
 * (`npm run dataset:build`) and by the unit tests, not again on every page:
 * full validation of a few thousand entities would cost each page load time
 * for no safety gain, since the file is part of the signed package.
 */
export function bundledDataset(): Dataset {
  dataset ??= fromJson<Dataset>(bundledText);
  return dataset;
}

/**
 * The bundled dataset's matcher, loaded from the form compiled at build time:
 * compiling it on a page would cost tens of milliseconds on a cold start.
 */
export function bundledMatcher(): Matcher {
  matcher ??= matcherFromData(fromJson<MatcherData>(bundledMatcherText));
  return matcher;
}
