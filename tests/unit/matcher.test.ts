import { describe, expect, it } from 'vitest';
import type { Entity } from '../../lib/dataset';
import { compileMatcher } from '../../lib/matcher';

function entity(id: string, aliases: Array<[string, boolean]>): Entity {
  return {
    id,
    kind: id.split(':')[0] ?? 'thing',
    name: aliases[0]?.[0] ?? id,
    summary: 'test entity',
    asOf: '2025-05-01',
    aliases: aliases.map(([text, caseSensitive]) => ({ text, lang: 'en', caseSensitive })),
  };
}

const matcher = compileMatcher([
  entity('country:peru', [['Peru', true]]),
  entity('country:sudan', [['Sudan', true]]),
  entity('country:south-sudan', [['South Sudan', false]]),
  entity('country:united-states', [
    ['United States', false],
    ['US', true],
    ['U.S.', true],
  ]),
  entity('country:rwanda', [['Rwanda', true]]),
  entity('person:omar-abdulsattar-ameen', [
    ['Omar Abdulsattar Ameen', false],
    ['Ameen', true],
  ]),
]);

function found(text: string): Array<[string, string]> {
  return matcher.findMentions(text).map((mention) => [text.slice(mention.start, mention.end), mention.entityId]);
}

describe('compileMatcher', () => {
  it('finds every alias with its entity, in document order', () => {
    expect(found('Rwanda and the United States talked; the U.S. pays.')).toEqual([
      ['Rwanda', 'country:rwanda'],
      ['United States', 'country:united-states'],
      ['U.S.', 'country:united-states'],
    ]);
  });

  it('matches possessives but never inside a longer word', () => {
    expect(found("Rwanda's minister visited Perugia, then Peru.")).toEqual([
      ['Rwanda', 'country:rwanda'],
      ['Peru', 'country:peru'],
    ]);
    expect(found('Rwandas Peruvian Sudanese')).toEqual([]);
  });

  it('prefers the longest match at the same place', () => {
    expect(found('flights to South Sudan and Sudan')).toEqual([
      ['South Sudan', 'country:south-sudan'],
      ['Sudan', 'country:sudan'],
    ]);
    expect(found('Omar Abdulsattar Ameen, known as Ameen')).toEqual([
      ['Omar Abdulsattar Ameen', 'person:omar-abdulsattar-ameen'],
      ['Ameen', 'person:omar-abdulsattar-ameen'],
    ]);
  });

  it('respects case sensitivity per alias', () => {
    expect(found('Tell us about the US plan')).toEqual([['US', 'country:united-states']]);
    expect(found('the UNITED STATES and rwanda')).toEqual([['UNITED STATES', 'country:united-states']]);
  });

  it('treats letters with diacritics and digits as part of a word', () => {
    expect(found('RwandaÉ 2Rwanda Rwanda2 «Rwanda»')).toEqual([['Rwanda', 'country:rwanda']]);
  });

  it('treats regex metacharacters in aliases literally', () => {
    expect(found('U-S- USS U.S.')).toEqual([['U.S.', 'country:united-states']]);
  });

  it('returns nothing for text without aliases and for a dataset without entities', () => {
    expect(found('Nothing to see here.')).toEqual([]);
    expect(compileMatcher([]).findMentions('Rwanda')).toEqual([]);
  });
});
