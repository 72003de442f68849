import { describe, expect, it } from 'vitest';
import { groupMentionsByKind } from '../../lib/mention-groups';
import type { EntityCount } from '../../lib/messages';

const entity = (entityId: string, name: string, count: number): EntityCount => ({
  entityId,
  name,
  kind: entityId.split(':')[0] ?? '',
  count,
});

describe('groupMentionsByKind', () => {
  it('orders kinds by their total mentions, and entities by count then name', () => {
    const groups = groupMentionsByKind([
      entity('person:keir-starmer', 'Keir Starmer', 1),
      entity('country:rwanda', 'Rwanda', 3),
      entity('deal:uk-rwanda', 'UK–Rwanda plan', 4),
      entity('country:united-kingdom', 'United Kingdom', 1),
      entity('country:iraq', 'Iraq', 1),
      entity('person:paul-kagame', 'Paul Kagame', 2),
    ]);
    expect(groups.map((group) => [group.kind, group.total])).toEqual([
      ['country', 5],
      ['deal', 4],
      ['person', 3],
    ]);
    expect(groups[0]?.entities.map((e) => e.name)).toEqual(['Rwanda', 'Iraq', 'United Kingdom']);
    expect(groups[2]?.entities.map((e) => e.name)).toEqual(['Paul Kagame', 'Keir Starmer']);
  });

  it('breaks a tie between kinds by kind name, so the order never depends on the page', () => {
    const one = [entity('person:a', 'A', 2), entity('country:b', 'B', 2)];
    expect(groupMentionsByKind(one).map((group) => group.kind)).toEqual(['country', 'person']);
    expect(groupMentionsByKind([...one].reverse()).map((group) => group.kind)).toEqual(['country', 'person']);
  });

  it('orders names as the language does, not by code point', () => {
    const [countries] = groupMentionsByKind(
      [entity('country:z', 'Zambia', 1), entity('country:e', 'Écija', 1), entity('country:ec', 'ecuador', 1)],
      'fr',
    );
    expect(countries?.entities.map((e) => e.name)).toEqual(['Écija', 'ecuador', 'Zambia']);
  });

  it('keeps a kind a dataset invents, and gives nothing for no entities', () => {
    expect(groupMentionsByKind([entity('treaty:x', 'Treaty X', 1)])).toEqual([
      { kind: 'treaty', total: 1, entities: [entity('treaty:x', 'Treaty X', 1)] },
    ]);
    expect(groupMentionsByKind([])).toEqual([]);
  });

  it('does not reorder the array it is given', () => {
    const input = [entity('country:a', 'A', 1), entity('country:b', 'B', 2)];
    groupMentionsByKind(input);
    expect(input.map((e) => e.name)).toEqual(['A', 'B']);
  });
});
