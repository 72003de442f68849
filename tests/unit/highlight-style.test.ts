import { describe, expect, it } from 'vitest';
import {
  highlightNameForKind,
  kindColourRules,
  kindToken,
  markClassName,
  parseColour,
} from '../../lib/highlight-style';

describe('highlight names and classes', () => {
  it('use the kind as it is when it is a lower-case CSS name, and the generic name otherwise', () => {
    expect(kindToken('country')).toBe('country');
    expect(kindToken('trade-deal2')).toBe('trade-deal2');
    for (const bad of ['', 'Country', '2deal', 'deal ', 'a'.repeat(32), 'x{}', 'a\\65', 'ünion', 'hover']) {
      expect(kindToken(bad), bad).toBeNull();
    }
    expect(highlightNameForKind('law')).toBe('crossread-law');
    expect(highlightNameForKind('x) { } body { color: red')).toBe('crossread-mention');
    expect(markClassName('person')).toBe('crossread-mention crossread-mention--person');
    // "hover" would turn every mark of that kind into a hovered one.
    expect(markClassName('hover')).toBe('crossread-mention');
  });

  it('read #rrggbb colours only', () => {
    expect(parseColour('#3884ff')).toEqual([56, 132, 255]);
    expect(parseColour('#3884FF')).toEqual([56, 132, 255]);
    for (const bad of ['3884ff', '#388', '#3884ff00', 'red', '#3884fg', '#3884ff;}', ' #3884ff']) {
      expect(parseColour(bad), bad).toBeNull();
    }
  });
});

describe('kindColourRules', () => {
  const colours = [
    ['country', '#3884ff'],
    ['law', '#000000'],
  ] as const;

  it('gives each kind its colour, background at 22% and underline at 90%, in the renderer at work only', () => {
    expect(kindColourRules(colours, 'paint').split('\n')).toEqual([
      'html ::highlight(crossread-country) { background-color: rgb(56 132 255 / 0.22); text-decoration: underline 1px rgb(56 132 255 / 0.9); }',
      'html ::highlight(crossread-law) { background-color: rgb(0 0 0 / 0.22); text-decoration: underline 1px rgb(0 0 0 / 0.9); }',
    ]);
    expect(kindColourRules(colours, 'wrap').split('\n')).toEqual([
      'html mark.crossread-mention--country { background-color: rgb(56 132 255 / 0.22); text-decoration-color: rgb(56 132 255 / 0.9); }',
      'html mark.crossread-mention--law { background-color: rgb(0 0 0 / 0.22); text-decoration-color: rgb(0 0 0 / 0.9); }',
    ]);
  });

  it('never lets a hostile kind name or colour into the style sheet', () => {
    const hostile = [
      ['country} body { display: none', '#3884ff'],
      ['person', 'red; } body { display: none } x {'],
      ['deal', 'url(https://evil.example/x)'],
      ['hover', '#ffffff'],
      ['organization', '#28aa6e'],
      ['organization', '#ff0000'],
    ] as const;
    for (const renderer of ['paint', 'wrap'] as const) {
      const css = kindColourRules(hostile, renderer);
      expect(css).not.toMatch(/body|url|display|hover|#ff0000|255 0 0/);
      expect(css.split('\n')).toHaveLength(1);
      expect(css).toMatch(/crossread-(mention--)?organization/);
    }
  });

  it('is empty without kinds', () => {
    expect(kindColourRules([], 'paint')).toBe('');
  });
});
