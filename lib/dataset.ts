import { z } from './zod';

/**
 * The starter shape of a Crossread dataset: enough to find and name entities.
 * The dataset issue extends it (outlets, claims, stories, integrity checks);
 * fields here keep their names there so starter files stay readable.
 */

export const aliasSchema = z.object({
  text: z.string().trim().min(1).max(200),
  /** BCP 47 language tag of the alias, e.g. "en". */
  lang: z.string().min(2).max(35),
  /** When true the alias only matches with exactly this capitalisation ("US" but never "us"). */
  caseSensitive: z.boolean(),
});

/** Kind-prefixed slug: "country:rwanda". The engine does not fix the list of kinds. */
export const entityIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]*:[a-z0-9][a-z0-9-]*$/, 'must look like "kind:slug", e.g. "country:rwanda"');

const isoDate = z.iso.date();

export const entitySchema = z
  .object({
    id: entityIdSchema,
    kind: z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be a lower-case word such as "country"'),
    name: z.string().trim().min(1).max(200),
    summary: z.string().trim().min(1).max(500),
    asOf: isoDate,
    aliases: z.array(aliasSchema).min(1).max(100),
  })
  .refine((entity) => entity.id.startsWith(`${entity.kind}:`), {
    message: 'id must start with the entity kind, e.g. "person:…" for a person',
    path: ['id'],
  });

export const datasetSchema = z.object({
  schemaVersion: z.literal(1),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  version: z.string().min(1).max(50),
  publishedAt: isoDate,
  title: z.string().trim().min(1).max(200),
  licence: z.string().trim().min(1).max(200),
  entities: z.array(entitySchema).min(1).max(10_000),
});

export type Alias = z.infer<typeof aliasSchema>;
export type Entity = z.infer<typeof entitySchema>;
export type Dataset = z.infer<typeof datasetSchema>;

/** Parses untrusted JSON-decoded data, throwing an error that names each bad path. */
export function parseDataset(data: unknown): Dataset {
  const result = datasetSchema.safeParse(data);
  if (!result.success) {
    throw new Error(`Invalid dataset:\n${z.prettifyError(result.error)}`);
  }
  const seen = new Set<string>();
  result.data.entities.forEach((entity, index) => {
    if (seen.has(entity.id)) {
      throw new Error(`Invalid dataset: entities[${index}].id "${entity.id}" is used by an earlier entity`);
    }
    seen.add(entity.id);
  });
  return result.data;
}

/** Number of entities of each kind, in first-seen order. */
export function countEntitiesByKind(dataset: Dataset): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entity of dataset.entities) {
    counts.set(entity.kind, (counts.get(entity.kind) ?? 0) + 1);
  }
  return counts;
}
