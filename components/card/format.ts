import type { DealStatus } from '../../lib/card/entity-card';
import { t } from '../i18n';

/**
 * A dataset date at the precision it has, in the user's language:
 * "2025" → "2025", "2025-05" → "May 2025", "2025-05-06" → "6 May 2025".
 * Anything else is shown as it is.
 */
export function formatPartialDate(value: string, locale: string): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!match) return value;
  const [, year, month, day] = match;
  if (!month) return year as string;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, day ? Number(day) : 1));
  const options: Intl.DateTimeFormatOptions = day
    ? { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }
    : { year: 'numeric', month: 'long', timeZone: 'UTC' };
  try {
    return new Intl.DateTimeFormat(locale, options).format(date);
  } catch {
    return value;
  }
}

export function statusName(status: DealStatus): string {
  switch (status) {
    case 'proposed':
      return t('card.status.proposed');
    case 'in-talks':
      return t('card.status.inTalks');
    case 'preliminary':
      return t('card.status.preliminary');
    case 'active':
      return t('card.status.active');
    case 'blocked':
      return t('card.status.blocked');
    case 'refused':
      return t('card.status.refused');
    case 'suspended':
      return t('card.status.suspended');
    case 'ended':
      return t('card.status.ended');
  }
}
