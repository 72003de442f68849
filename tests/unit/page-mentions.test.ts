import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../lib/bundled-dataset';
import { badgeText, pageMentionsRequestSchema, pageMentionsSchema } from '../../lib/messages';
import { summarisePageMentions } from '../../lib/page-mentions';

const entitiesById = new Map(bundledDataset().entities.map((entity) => [entity.id, entity]));

describe('summarisePageMentions', () => {
  it('counts mentions per entity, most mentioned first, then by name', () => {
    const summary = summarisePageMentions(
      ['country:rwanda', 'person:keir-starmer', 'country:rwanda', 'country:iraq', 'unknown:entity'],
      entitiesById,
    );
    expect(summary.total).toBe(5);
    expect(summary.entities).toEqual([
      { entityId: 'country:rwanda', name: 'Rwanda', kind: 'country', count: 2 },
      { entityId: 'country:iraq', name: 'Iraq', kind: 'country', count: 1 },
      { entityId: 'person:keir-starmer', name: 'Keir Starmer', kind: 'person', count: 1 },
    ]);
    expect(pageMentionsSchema().parse(summary)).toEqual(summary);
  });

  it('summarises a page without mentions as zero', () => {
    expect(summarisePageMentions([], entitiesById)).toEqual({ total: 0, entities: [] });
  });
});

describe('messages', () => {
  it('accept only the exact request shape', () => {
    expect(pageMentionsRequestSchema().safeParse({ type: 'crossread:get-page-mentions' }).success).toBe(true);
    expect(pageMentionsRequestSchema().safeParse({ type: 'get-page-mentions' }).success).toBe(false);
    expect(pageMentionsRequestSchema().safeParse('crossread:get-page-mentions').success).toBe(false);
  });

  it('reject answers with negative or fractional counts', () => {
    expect(pageMentionsSchema().safeParse({ total: -1, entities: [] }).success).toBe(false);
    expect(pageMentionsSchema().safeParse({ total: 1.5, entities: [] }).success).toBe(false);
  });

  it('fit the badge: empty for none, capped above 999', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(7)).toBe('7');
    expect(badgeText(999)).toBe('999');
    expect(badgeText(1000)).toBe('999+');
  });
});
