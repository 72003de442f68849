// Every UI string goes through here. The messages are in locales/<lang>.yml (how to write a
// substitution or a plural: the comment at the top of locales/en.yml); @wxt-dev/i18n builds them
// into _locales/<lang>/messages.json and generates the key types from en.yml on `wxt prepare`.
// The language is the browser's UI language, as browser.i18n always does.

import type { ComponentChildren } from 'preact';
import { browser } from 'wxt/browser';
import { type GeneratedI18nStructure, i18n } from '#i18n';

type Structure = GeneratedI18nStructure;

/** A message key: its dotted path in locales/en.yml (`'options.dataset.title'`). */
export type MessageKey = keyof Structure;

/** What fills a `$1` … `$9`. */
export type Substitution = string | number;

type Tuple<N extends number, Acc extends Substitution[] = []> = Acc['length'] extends N
  ? Acc
  : Tuple<N, [...Acc, Substitution]>;

/**
 * One substitution may be given as a bare string; otherwise an array with exactly as many as the
 * message has. (A bare number is a plural's count, never a substitution.)
 */
type Substitutions<N extends number> = N extends 1 ? string | readonly [Substitution] : Readonly<Tuple<N>>;

/** What t() takes after the key, from the key's message: nothing, its substitutions, or a count for a plural. */
export type MessageArgs<K extends MessageKey> = Structure[K] extends { plural: true }
  ? Structure[K]['substitutions'] extends 0 | 1
    ? [count: number, substitutions?: Substitutions<1>]
    : [count: number, substitutions: Substitutions<Structure[K]['substitutions']>]
  : Structure[K]['substitutions'] extends 0
    ? []
    : [substitutions: Substitutions<Structure[K]['substitutions']>];

const untypedT = i18n.t as (key: string, ...args: unknown[]) => string;

/**
 * The message `key` in the browser's UI language.
 *
 * - `t('options.title')`: a plain message;
 * - `t('card.dialogLabel', name)` or `t('popup.total', [a, b])`: `$1`, `$2`, … filled in order;
 * - `t('popup.mentions', count)`: a plural key picks its form by `count` (0, 1 or n), and `$1` is
 *   the count formatted for the UI language; `t(key, count, [other])` fills `$1` with `other` instead.
 *
 * The key and the number of substitutions are checked by tsc against locales/en.yml.
 */
export function t<K extends MessageKey>(key: K, ...args: MessageArgs<K>): string {
  const [first, second] = args as [Substitution | readonly Substitution[] | undefined, Substitutions<1> | undefined];
  if (typeof first === 'number') {
    return untypedT(key, first, second === undefined ? [formatNumber(first)] : toArray(second));
  }
  return first === undefined ? untypedT(key) : untypedT(key, toArray(first));
}

type NodeTuple<N extends number, Acc extends ComponentChildren[] = []> = Acc['length'] extends N
  ? Acc
  : NodeTuple<N, [...Acc, ComponentChildren]>;

/** Keys of messages that are not plurals and have at least one substitution. */
export type ElementMessageKey = {
  [K in MessageKey]: Structure[K] extends { plural: false; substitutions: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 }
    ? K
    : never;
}[MessageKey];

// Private-use characters: never in a message or a translation, so they mark where each element goes.
const SLOT_START = '\uE000';
const SLOT_END = '\uE001';
const SLOTS = /\uE000(\d)\uE001/;

/**
 * A message with elements in it, for JSX: `$1`, `$2`, … are filled with `nodes` (a `<code>`, a
 * `<strong>`, a link) where the translation puts them, and the text around them stays text.
 *
 *     <p>{tElements('options.update.fileDrop', [<code>.json</code>, <u>{t('options.update.chooseFile')}</u>])}</p>
 */
export function tElements<K extends ElementMessageKey>(
  key: K,
  nodes: Readonly<NodeTuple<Structure[K]['substitutions']>> & readonly ComponentChildren[],
): ComponentChildren[] {
  const message = untypedT(
    key,
    nodes.map((_, index) => `${SLOT_START}${index}${SLOT_END}`),
  );
  return message
    .split(SLOTS)
    .map((part, index) => (index % 2 === 1 ? nodes[Number(part)] : part))
    .filter((part, index) => index % 2 === 1 || part !== '');
}

function toArray(substitutions: Substitution | readonly Substitution[]): string[] {
  return (Array.isArray(substitutions) ? substitutions : [substitutions]).map(String);
}

/**
 * The language the messages are written in (`'en'`, `'fr'`): the language of dates and numbers
 * beside them, and of the page's `lang`. It is what `common.locale` says, not
 * browser.i18n.getUILanguage(): a browser can show an extension's French messages while its own
 * UI language is another (headless Chromium started with --lang=fr reports en-US).
 */
export function uiLanguage(): string {
  return t('common.locale') || browser.i18n.getUILanguage();
}

/** `n` written the UI language's way (`1,234` in English, `1 234` in French). */
export function formatNumber(n: number): string {
  return new Intl.NumberFormat(uiLanguage()).format(n);
}
