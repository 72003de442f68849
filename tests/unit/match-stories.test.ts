import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../lib/bundled-dataset';
import type { PageFigure } from '../../lib/claims/compare';
import { matchStories } from '../../lib/stories/match-stories';

const dataset = bundledDataset();
const dollars = (asReported: string, value: number): PageFigure => ({ kind: 'money', asReported, value, unit: 'USD' });

describe('matchStories', () => {
  it('a page with one of a story’s claims covers that story, ahead of stories it only names entities of', () => {
    const [first, ...rest] = matchStories(dataset, {
      entityIds: ['country:rwanda', 'country:united-states', 'country:united-kingdom', 'deal:uk-rwanda-2022'],
      claims: [{ claimId: 'claim:us-rwanda-payment', figure: dollars('$100,000', 100_000) }],
    });
    expect(first?.id).toBe('story:us-rwanda-2025');
    expect(first?.claims).toBe(1);
    // Every outlet's version of the story, by name.
    expect(first?.versions.map((version) => version.outlet.name).length).toBe(
      dataset.stories.find((story) => story.id === 'story:us-rwanda-2025')?.versions.length,
    );
    expect(first?.versions.every((version) => version.angle.length > 0)).toBe(true);
    // The page agrees with every outlet that gives a figure: nothing to list as a difference.
    expect(first?.differences).toEqual([]);
    expect(rest.map((story) => story.id)).toEqual(['story:uk-rwanda-2022-2024']);
  });

  it('lists the claims where a page’s figure differs from an outlet’s, with every outlet’s figure', () => {
    const [story] = matchStories(dataset, {
      entityIds: ['country:rwanda'],
      claims: [
        { claimId: 'claim:us-rwanda-payment', figure: dollars('$6 million', 6_000_000) },
        { claimId: 'claim:us-rwanda-payment', figure: dollars('$100,000', 100_000) },
      ],
    });
    expect(story?.differences).toHaveLength(1);
    const [difference] = story?.differences ?? [];
    expect(difference?.page.asReported).toBe('$6 million');
    expect(difference?.versions.map((version) => version.comparison)).toEqual([
      'different',
      'different',
      'different',
      'none',
    ]);
    expect(difference?.versions.map((version) => version.figure ?? null)).toEqual([
      '$100,000',
      '$100,000',
      '$100,000',
      null,
    ]);
  });

  it('offers nothing for a page that names only one or two of a story’s entities and none of its claims', () => {
    expect(matchStories(dataset, { entityIds: ['country:united-states'], claims: [] })).toEqual([]);
    expect(matchStories(dataset, { entityIds: ['country:united-states', 'country:rwanda'], claims: [] })).toEqual([]);
  });

  it('takes a story about fewer than three entities when the page names them all', () => {
    const small = {
      ...dataset,
      stories: [
        { ...(dataset.stories[0] as (typeof dataset.stories)[0]), id: 'story:small', about: ['country:kosovo'] },
      ],
    };
    expect(matchStories(small, { entityIds: ['country:kosovo'], claims: [] }).map((story) => story.id)).toEqual([
      'story:small',
    ]);
  });
});
