// Imported as text and parsed on first use: V8 parses JSON text several times
// faster than it compiles and runs the same data written as an object literal
// (what a JSON module import becomes).
import bundledText from '../assets/datasets/third-country-deportations.json?raw';
import { fromJson } from './bundled-page-index';
import type { Dataset } from './dataset/schema';

// The content script needs only the page index; it imports lib/bundled-page-index.ts directly.
export { bundledMatcher, bundledPageIndex } from './bundled-page-index';

let dataset: Dataset | undefined;

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
