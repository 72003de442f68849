import { afterEach, describe, expect, it } from 'vitest';
import { formatNumber, t, tElements, uiLanguage } from '../../components/i18n';
import { setLocale } from './locale-messages';

afterEach(() => setLocale('en'));

describe('t', () => {
  it('answers with the English message in tests', () => {
    expect(t('common.appName')).toBe('Crossread');
    expect(t('options.title')).toBe('Crossread settings');
    expect(uiLanguage()).toBe('en');
  });

  it('fills $1 from one bare string or an array, and $1 $2 … from an array in order', () => {
    expect(t('options.source.url', 'https://a.example/d.json')).toBe('Downloaded from https://a.example/d.json');
    expect(t('options.source.url', ['https://a.example/d.json'])).toBe('Downloaded from https://a.example/d.json');
    expect(t('options.dataset.rollback', ['Deals', '1.0.0'])).toBe('Roll back to Deals 1.0.0');
  });

  it('picks a plural form by count, with the count formatted for the UI language as $1', () => {
    expect(t('options.preview.entities', 1)).toBe('1 entity');
    expect(t('options.preview.entities', 0)).toBe('0 entities');
    expect(t('options.preview.entities', 1234)).toBe('1,234 entities');
    expect(t('options.preview.entities', 2, ['two'])).toBe('two entities');
    setLocale('fr');
    expect(t('options.preview.entities', 0)).toBe('0 entité');
    expect(t('options.preview.entities', 1)).toBe('1 entité');
    expect(t('options.preview.entities', 1234)).toBe('1\u202f234 entités');
  });

  it('formats numbers for the UI language', () => {
    expect(formatNumber(1234.5)).toBe('1,234.5');
    setLocale('fr');
    expect(formatNumber(1234.5)).toBe('1\u202f234,5');
  });

  it('puts elements where the translation puts $1, $2', () => {
    const code = { type: 'code' };
    const link = { type: 'u' };
    expect(tElements('options.update.fileDrop', [code, link])).toEqual([
      'From a file: drop a ',
      code,
      ' dataset here, or ',
      link,
    ]);
    setLocale('fr');
    expect(tElements('common.labelValue', [code, 'x'])).toEqual([code, '\u00a0: ', 'x']);
  });
});
