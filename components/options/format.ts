import type { DatasetSource } from '../../lib/dataset/store';
import { t, uiLanguage } from '../i18n';

/** A calendar date ("2025-05-20", or the date part of a timestamp) in the UI language, never shifted by time zone. */
export function formatDate(isoDate: string): string {
  return new Date(`${isoDate.slice(0, 10)}T00:00:00Z`).toLocaleDateString(uiLanguage(), {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });
}

/** A moment (an ISO timestamp) in the reader's time zone, written the UI language's way. */
export function formatMoment(isoTimestamp: string): string {
  return new Date(isoTimestamp).toLocaleString(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' });
}

/** A size in megabytes with one decimal ("2.5" in English, "2,5" in French). */
export function formatMegabytes(bytes: number): string {
  return new Intl.NumberFormat(uiLanguage(), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    bytes / 1024 / 1024,
  );
}

export function sourceLabel(source: DatasetSource): string {
  switch (source.type) {
    case 'bundled':
      return t('options.source.bundled');
    case 'file':
      return t('options.source.file', source.fileName);
    case 'url':
      return t('options.source.url', source.url);
  }
}
