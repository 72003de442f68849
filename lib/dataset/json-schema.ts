import { z } from '../zod';
import { datasetSchemas, SCHEMA_VERSION } from './schema';

/**
 * The JSON Schema of the dataset format, for people who publish datasets and
 * for editors. Checks that JSON Schema cannot express (real calendar dates,
 * https-only URLs, cross-references) are described in docs/dataset.md and
 * enforced by `npm run dataset:check`.
 */
export function datasetJsonSchemaText(): string {
  const schema = z.toJSONSchema(datasetSchemas().datasetSchema, { target: 'draft-2020-12', unrepresentable: 'any' });
  const documented = {
    $id: `urn:crossread:dataset-schema:v${SCHEMA_VERSION}`,
    title: `Crossread dataset (schema version ${SCHEMA_VERSION})`,
    ...schema,
  };
  return `${JSON.stringify(documented, null, 2)}\n`;
}
