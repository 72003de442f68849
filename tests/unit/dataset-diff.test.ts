import { describe, expect, it } from 'vitest';
import { compareVersions, diffDatasets, versionDirection } from '../../lib/dataset/diff';
import { minimalDataset } from './dataset-fixture';

describe('compareVersions', () => {
  it.each([
    ['1.2.0', '1.10.0', -1],
    ['2.0.0', '1.99.99', 1],
    ['1.2.3', '1.2.3', 0],
    ['0.0.10', '0.0.9', 1],
  ] as const)('%s vs %s → %i', (a, b, expected) => {
    expect(compareVersions(a, b)).toBe(expected);
  });

  it('names the direction of a change', () => {
    expect(versionDirection('1.2.0', '1.3.0')).toBe('newer');
    expect(versionDirection('1.2.0', '1.2.0')).toBe('same');
    expect(versionDirection('1.2.0', '1.1.9')).toBe('older');
  });
});

describe('diffDatasets', () => {
  it('finds nothing between a dataset and its copy', () => {
    const diff = diffDatasets(minimalDataset(), minimalDataset());
    expect(diff).toMatchObject({ identical: true, sameDataset: true, direction: 'same' });
    expect(diff.entities).toEqual({ added: [], removed: [], changed: [], unchanged: 3 });
  });

  it('lists entities and claims added, removed and changed, with names and changed fields', () => {
    const before = minimalDataset();
    const after = minimalDataset();
    after.version = '1.3.0';
    after.entities = after.entities.filter((entity) => entity.id !== 'person:minister');
    after.entities.push({
      id: 'country:uganda',
      kind: 'country',
      name: 'Uganda',
      summary: 'A country.',
      asOf: '2025-06-01',
      aliases: [{ text: 'Uganda', lang: 'en', caseSensitive: true }],
    });
    const deal = after.entities.find((entity) => entity.id === 'deal:test-deal');
    if (!deal?.deal) throw new Error('fixture changed');
    deal.deal.status = 'active';
    deal.summary = 'A signed deal.';
    const [claim] = after.claims;
    if (!claim) throw new Error('fixture changed');
    claim.statement = 'Money paid under the deal.';
    const diff = diffDatasets(before, after);
    expect(diff.direction).toBe('newer');
    expect(diff.identical).toBe(false);
    expect(diff.entities).toEqual({
      added: [{ id: 'country:uganda', name: 'Uganda' }],
      removed: [{ id: 'person:minister', name: 'A Minister' }],
      changed: [{ id: 'deal:test-deal', name: 'Test deal', fields: ['summary', 'deal'] }],
      unchanged: 1,
    });
    expect(diff.claims.changed).toEqual([
      { id: 'claim:payment', name: 'Money paid under the deal.', fields: ['statement'] },
    ]);
  });

  it('tells a different dataset from a new version of the same one', () => {
    const other = { ...minimalDataset(), id: 'another-dataset', title: 'Another' };
    expect(diffDatasets(minimalDataset(), other)).toMatchObject({
      sameDataset: false,
      from: { id: 'test-dataset' },
      to: { id: 'another-dataset', title: 'Another' },
    });
  });
});
