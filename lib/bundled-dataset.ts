import bundledJson from '../assets/datasets/third-country-deportations.json';
import { type Dataset, parseDataset } from './dataset';

let cached: Dataset | undefined;

/** The dataset shipped inside the extension, validated once per context. */
export function bundledDataset(): Dataset {
  cached ??= parseDataset(bundledJson);
  return cached;
}
