import bundledJson from '../assets/datasets/third-country-deportations.json';
import type { Dataset } from './dataset/schema';

/**
 * The dataset shipped inside the extension. It is validated when it is built
 * (`npm run dataset:build`) and by the unit tests, not again on every page:
 * full validation of a few thousand entities would cost each page load time
 * for no safety gain, since the file is part of the signed package.
 */
export function bundledDataset(): Dataset {
  return bundledJson as Dataset;
}
