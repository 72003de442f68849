/**
 * What the page says about itself that claim finding needs: when the
 * article was published (which gives "April 4" its year). Read from the
 * markup news sites publish for link previews and search engines; anything
 * unreadable is left out.
 */
export interface ArticleMeta {
  /** YYYY-MM-DD, possibly followed by a time. */
  published?: string;
}

const PUBLISHED_SELECTORS = [
  'meta[property="article:published_time"]',
  'meta[property="og:article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="article.published"]',
  'meta[name="publish-date"]',
  'meta[name="pubdate"]',
  'meta[name="date"]',
];
const DATE = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export function readArticleMeta(doc: Document): ArticleMeta {
  const meta: ArticleMeta = {};
  for (const selector of PUBLISHED_SELECTORS) {
    const content = doc.head?.querySelector(selector)?.getAttribute('content')?.trim();
    if (content && DATE.test(content)) {
      meta.published = content;
      break;
    }
  }
  if (!meta.published) {
    const time = doc.querySelector('article time[datetime], time[pubdate][datetime]')?.getAttribute('datetime')?.trim();
    if (time && DATE.test(time)) meta.published = time;
  }
  return meta;
}
