// `npm run dataset:schema`: writes the JSON Schema of the dataset format,
// generated from the zod schema, to docs/dataset.schema.json. A unit test
// fails when the committed file is out of date.
import { writeFile } from 'node:fs/promises';
import { datasetJsonSchemaText } from '../lib/dataset/json-schema';

export const JSON_SCHEMA_PATH = 'docs/dataset.schema.json';

await writeFile(JSON_SCHEMA_PATH, datasetJsonSchemaText());
console.log(`wrote ${JSON_SCHEMA_PATH}`);
