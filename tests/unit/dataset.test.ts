import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../lib/bundled-dataset';
import { countEntitiesByKind, parseDataset } from '../../lib/dataset';

function validDataset() {
  return structuredClone(bundledDataset()) as unknown as Record<string, unknown> & {
    entities: Array<Record<string, unknown>>;
  };
}

describe('the bundled dataset', () => {
  it('passes validation and names the countries and officials of the brief', () => {
    const dataset = bundledDataset();
    const names = dataset.entities.map((entity) => entity.name);
    expect(names).toEqual(
      expect.arrayContaining(['Rwanda', 'United States', 'United Kingdom', 'Olivier Nduhungirehe', 'Keir Starmer']),
    );
    expect(countEntitiesByKind(dataset).get('country')).toBeGreaterThanOrEqual(5);
    expect(countEntitiesByKind(dataset).get('person')).toBeGreaterThanOrEqual(4);
  });

  it('gives every entity an alias equal to its name, so the name itself is found', () => {
    for (const entity of bundledDataset().entities) {
      expect(
        entity.aliases.map((alias) => alias.text),
        entity.id,
      ).toContain(entity.name);
    }
  });
});

describe('parseDataset', () => {
  it('rejects a dataset that is not an object', () => {
    expect(() => parseDataset('{"entities": []}')).toThrow(/Invalid dataset/);
    expect(() => parseDataset(null)).toThrow(/Invalid dataset/);
  });

  it('names the path of a bad field', () => {
    const dataset = validDataset();
    const first = dataset.entities[0] as { aliases: Array<Record<string, unknown>> };
    (first.aliases[0] as Record<string, unknown>).caseSensitive = 'yes';
    expect(() => parseDataset(dataset)).toThrow(/entities\[0\]\.aliases\[0\]\.caseSensitive/);
  });

  it('rejects an id that does not start with its kind', () => {
    const dataset = validDataset();
    (dataset.entities[0] as Record<string, unknown>).id = 'person:rwanda';
    expect(() => parseDataset(dataset)).toThrow(/entities\[0\]\.id: must start with the entity.s kind/);
  });

  it('rejects dates that are not real calendar dates', () => {
    const dataset = validDataset();
    dataset.publishedAt = '2025-02-30';
    expect(() => parseDataset(dataset)).toThrow(/publishedAt/);
  });

  it('rejects two entities with the same id', () => {
    const dataset = validDataset();
    dataset.entities.push(structuredClone(dataset.entities[0] as Record<string, unknown>));
    expect(() => parseDataset(dataset)).toThrow(/entities\[\d+\]\.id: "country:rwanda" is used twice/);
  });
});
