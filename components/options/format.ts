import type { DatasetSource } from '../../lib/dataset/store';

/** A calendar date ("2025-05-20", or the date part of a timestamp) in the reader's words, never shifted by time zone. */
export function formatDate(isoDate: string): string {
  return new Date(`${isoDate.slice(0, 10)}T00:00:00Z`).toLocaleDateString(undefined, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });
}

/** A moment (an ISO timestamp) in the reader's time zone. */
export function formatMoment(isoTimestamp: string): string {
  return new Date(isoTimestamp).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function sourceLabel(source: DatasetSource): string {
  switch (source.type) {
    case 'bundled':
      return 'Bundled with Crossread';
    case 'file':
      return `Imported from the file ${source.fileName}`;
    case 'url':
      return `Downloaded from ${source.url}`;
  }
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
