import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

/** A page the bench loads: served from memory at `/${name}.html`. */
export interface BenchPage {
  name: string;
  /** Real pages count towards the per-page goals; the huge page only towards the long-task goal. */
  kind: 'real' | 'huge' | 'blank';
  html: string;
}

/** Real news pages saved from the web: ../shared/realpages beside the clone, read in place, never edited. */
export const REAL_PAGES_DIR = resolve(process.env.CROSSREAD_REALPAGES ?? '../shared/realpages');
export const HUGE_PAGE_NAME = 'huge-20-bodies';
const HUGE_PAGE_BODIES = 20;

/**
 * Appended to every page so each one mentions the deals, their countries and
 * their people, whatever the page was originally about.
 */
export const DEALS_PARAGRAPH =
  '<p data-crossread-bench="deals">In 2025 Rwanda and the United States discussed a third-country deportation ' +
  "deal; Rwanda's foreign minister Olivier Nduhungirehe said nothing had been signed. El Salvador's president " +
  'Nayib Bukele agreed to hold people the United States deported, while the British prime minister Keir Starmer ' +
  'ruled out reviving the UK–Rwanda plan.</p>';

// The saved pages' own scripts cannot reach their servers here, throw, poll
// and run timers in the middle of a measurement. Removing them (and inline
// event handlers, which would call functions that no longer exist) keeps
// every load the same quiet document; the text the engine reads is unchanged.
const SCRIPT_ELEMENT = /<script\b[^>]*>[\s\S]*?<\/script\s*>/gi;
const IFRAME_ELEMENT = /<iframe\b[^>]*>[\s\S]*?<\/iframe\s*>|<iframe\b[^>]*\/>/gi;
const COMMENT = /<!--[\s\S]*?-->/g;
const START_TAG = /<[a-zA-Z][^>]*>/g;
const EVENT_HANDLER_ATTRIBUTE = /\s+on[a-z]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)/gi;
const META_REFRESH = /<meta\b[^>]*http-equiv\s*=\s*["']?refresh[^>]*>/gi;
const BODY_START = /<body\b[^>]*>/i;
const BODY_END = /<\/body\s*>/i;

/** The page without scripts, comments, inline event handlers or a meta refresh. */
export function quietHtml(html: string): string {
  return html
    .replace(SCRIPT_ELEMENT, '')
    .replace(IFRAME_ELEMENT, '')
    .replace(COMMENT, '')
    .replace(META_REFRESH, '')
    .replace(START_TAG, (tag) => tag.replace(EVENT_HANDLER_ATTRIBUTE, ''));
}

function appendBeforeBodyEnd(html: string, fragment: string): string {
  const end = html.search(/<\/body\s*>(?![\s\S]*<\/body\s*>)/i);
  return end < 0 ? `${html}${fragment}` : `${html.slice(0, end)}${fragment}${html.slice(end)}`;
}

function bodyContent(html: string): string {
  const start = BODY_START.exec(html);
  const from = start ? start.index + start[0].length : 0;
  const rest = html.slice(from);
  const end = rest.search(BODY_END);
  return end < 0 ? rest : rest.slice(0, end);
}

/** An empty document, for measurements that do not read the page (compiling the dataset). */
export const BLANK_PAGE: BenchPage = {
  name: 'blank',
  kind: 'blank',
  html: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blank</title></head><body></body></html>',
};

/** The saved pages, sorted by name, scripts removed and the deals paragraph appended. */
export function loadRealPages(dir = REAL_PAGES_DIR): BenchPage[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.html'))
    .sort()
    .map((file) => ({
      name: basename(file, '.html'),
      kind: 'real' as const,
      html: appendBeforeBodyEnd(quietHtml(readFileSync(join(dir, file), 'utf8')), DEALS_PARAGRAPH),
    }));
}

/**
 * Twenty pages' bodies in one document. There are fewer than twenty saved
 * pages, so the list wraps around: the first ones appear twice.
 */
export function buildHugePage(realPages: readonly BenchPage[]): BenchPage {
  if (realPages.length === 0) throw new Error('no real pages to build the huge page from');
  const sections: string[] = [];
  for (let index = 0; index < HUGE_PAGE_BODIES; index++) {
    const page = realPages[index % realPages.length] as BenchPage;
    sections.push(`<section data-crossread-bench-source="${page.name}">${bodyContent(page.html)}</section>`);
  }
  const html =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Twenty bodies</title></head>' +
    `<body>${sections.join('\n')}</body></html>`;
  return { name: HUGE_PAGE_NAME, kind: 'huge', html };
}
