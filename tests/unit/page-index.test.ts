import { describe, expect, it } from 'vitest';
import { compileMatcherData } from '../../lib/matcher';
import { pageEntitiesData, pageIndexFromData, pageIndexFromDataset } from '../../lib/page-index';
import { minimalDataset } from './dataset-fixture';

const dataset = minimalDataset();
const text = 'Rwanda said A Minister would visit.';

describe('page index', () => {
  it('from a dataset: the matcher and each entity’s id, kind and name, nothing else', () => {
    const index = pageIndexFromDataset(dataset);
    expect([...index.entities.values()]).toEqual(dataset.entities.map(({ id, kind, name }) => ({ id, kind, name })));
    expect(index.matcher.findMentions(text).map((mention) => mention.entityId)).toEqual([
      'country:rwanda',
      'person:minister',
    ]);
  });

  it('from precompiled data: the same index as from the dataset', () => {
    const matcherData = compileMatcherData(dataset.entities);
    const entitiesData = pageEntitiesData(dataset.entities, matcherData.entityIds);
    expect(entitiesData.kinds).toEqual(dataset.entities.map((entity) => entity.kind));
    // What the build writes is JSON; what the page reads back must work the same.
    const index = pageIndexFromData(JSON.parse(JSON.stringify(matcherData)), JSON.parse(JSON.stringify(entitiesData)));
    const fromDataset = pageIndexFromDataset(dataset);
    expect([...index.entities]).toEqual([...fromDataset.entities]);
    expect(index.matcher.findMentions(text)).toEqual(fromDataset.matcher.findMentions(text));
  });

  it('refuses page entities that do not belong to the matcher', () => {
    const matcherData = compileMatcherData(dataset.entities);
    const entitiesData = pageEntitiesData(dataset.entities, matcherData.entityIds);
    expect(() => pageIndexFromData(matcherData, { ...entitiesData, names: entitiesData.names.slice(1) })).toThrow(
      /does not fit/,
    );
    expect(() => pageEntitiesData(dataset.entities, ['country:atlantis'])).toThrow(/country:atlantis/);
  });
});
