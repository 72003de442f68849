export { aliasKey, type DatasetIssue, formatPath } from './integrity';
export { LIMITS } from './limits';
export * from './schema';
export {
  checkSchema,
  type DatasetValidation,
  formatIssues,
  parseDataset,
  validateDataset,
  validateDatasetJson,
} from './validate';

import type { Dataset } from './schema';

/** Number of entities of each kind, in first-seen order. */
export function countEntitiesByKind(dataset: Dataset): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entity of dataset.entities) {
    counts.set(entity.kind, (counts.get(entity.kind) ?? 0) + 1);
  }
  return counts;
}
