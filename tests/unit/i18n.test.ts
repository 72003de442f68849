import { describe, expect, it } from 'vitest';
import { formatNumber, t, uiLanguage } from '../../components/i18n';

describe('t', () => {
  it('answers with the English message in tests', () => {
    expect(t('common.appName')).toBe('Crossread');
    expect(uiLanguage()).toBe('en');
  });

  it('fills $1 from one bare string or an array', () => {
    expect(t('card.dialogLabel', 'Rwanda')).toBe('Facts about Rwanda');
    expect(t('card.dialogLabel', ['Rwanda'])).toBe('Facts about Rwanda');
  });

  it('formats numbers for the UI language', () => {
    expect(formatNumber(1234)).toBe('1,234');
  });
});
