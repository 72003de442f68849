import bundledJson from '../assets/datasets/third-country-deportations.json';
import bundledMatcherJson from '../assets/datasets/third-country-deportations.matcher.json';
import type { Dataset } from './dataset/schema';
import { type Matcher, type MatcherData, matcherFromData } from './matching';

/**
 * The dataset shipped inside the extension. It is validated when it is built
 * (`npm run dataset:build`) and by the unit tests, not again on every page:
 * full validation of a few thousand entities would cost each page load time
 * for no safety gain, since the file is part of the signed package.
 */
export function bundledDataset(): Dataset {
  return bundledJson as Dataset;
}

let matcher: Matcher | undefined;

/**
 * The bundled dataset's matcher, loaded from the form compiled at build time:
 * compiling it on a page would cost tens of milliseconds on a cold start.
 */
export function bundledMatcher(): Matcher {
  matcher ??= matcherFromData(bundledMatcherJson as MatcherData);
  return matcher;
}
