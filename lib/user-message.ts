import { z } from './zod';

/**
 * What lib/ and the background tell the user (a download error, a check's
 * outcome, a settings problem), as a code and its parameters rather than
 * words: components/messages.ts turns it into a sentence in the UI language
 * (the keys `common.message.<code>` in locales/<lang>.yml). lib/ stays pure and
 * language-free; the words are chosen where browser.i18n is.
 *
 * Parameters are data: host names, URLs, versions, paths, and English
 * diagnostics from outside Crossread's words (an exception's message, a
 * dataset's schema problems, an HTTP reason phrase). Numbers stay numbers,
 * so the page can write them the UI language's way.
 */
export interface MessageParams {
  // Checking an address typed by the user (checkDatasetUrl).
  'download.urlEmpty': [];
  'download.notUrl': [text: string];
  'download.notHttps': [protocol: string];
  'download.urlCredentials': [];
  'download.urlTooLong': [maxCharacters: number];
  // Downloading (downloadDataset). `status` is "404 Not Found": the code and HTTP's reason phrase.
  'download.timeout': [host: string, milliseconds: number];
  'download.idle': [host: string, milliseconds: number];
  'download.unreachable': [host: string, detail: string];
  'download.insecureRedirect': [host: string];
  'download.httpNotFound': [host: string, status: string];
  'download.httpForbidden': [host: string, status: string];
  'download.httpTooMany': [host: string, status: string];
  'download.httpServer': [host: string, status: string];
  'download.httpOther': [host: string, status: string];
  'download.tooLarge': [host: string, maxBytes: number];
  'download.webPage': [host: string];
  'download.markup': [host: string];
  'download.brokeOff': [host: string, detail: string];
  'download.empty': [host: string];
  'download.notUtf8': [host: string];
  'download.failed': [host: string, detail: string];
  'download.noPermission': [host: string];
  'download.notModifiedFresh': [host: string];
  // A dataset that failed its checks; `diagnostic` and `path` are the dataset's own (English) problems.
  'dataset.invalidFile': [problems: number, fileName: string];
  'dataset.invalidUrl': [problems: number, url: string];
  'dataset.unreadableFile': [fileName: string, diagnostic: string];
  'dataset.unreadableUrl': [url: string, diagnostic: string];
  'dataset.failedChecks': [path: string, diagnostic: string];
  'dataset.older': [version: string, activeVersion: string];
  // The options page's actions.
  'update.available': [version: string];
  'update.appliedVersion': [version: string];
  'update.active': [title: string, version: string];
  'update.rolledBack': [title: string, version: string];
  'update.bundledActive': [];
  'update.needsSubscription': [];
  'update.scheduleNotSaved': [];
  'update.scheduleOff': [];
  'update.scheduleDaily': [];
  'update.scheduleWeekly': [];
  'update.backgroundFailed': [detail: string];
  // A check of the subscribed URL (DatasetUpdater.refresh).
  'refresh.noUrl': [];
  'refresh.skipped': [url: string];
  'refresh.notModified': [];
  'refresh.invalid': [problems: number, url: string, listed: string];
  'refresh.otherDataset': [url: string, title: string];
  'refresh.older': [url: string, version: string, activeVersion: string];
  'refresh.latest': [version: string];
  'refresh.updated': [fromVersion: string, toVersion: string];
  /** A message stored by a Crossread from before the codes, shown as it was written (English). */
  'legacy.text': [text: string];
  // The dataset store.
  'store.writeFailed': [detail: string];
  'store.switchFailed': [detail: string];
  'store.noPrevious': [];
  'store.slotDamaged': [slot: string];
  'store.slotInvalid': [slot: string, path: string, diagnostic: string];
  // Settings refused by validateSettings. `path` names the field ("sites.denied[0]"; '' is the
  // settings as a whole); `expected` and `values` are JSON's words ("boolean", "\"auto\", \"paint\"").
  'settings.missing': [path: string, expected: string];
  'settings.wrongType': [path: string, expected: string];
  'settings.missingOneOf': [path: string, values: string];
  'settings.notOneOf': [path: string, values: string];
  'settings.unknownFields': [path: string, count: number, fields: string];
  'settings.badKindName': [path: string];
  'settings.badColour': [path: string];
  'settings.badSite': [path: string, value: string];
  'settings.tooManyKinds': [path: string, max: number];
  'settings.tooManySites': [path: string, max: number];
  'settings.notWholeNumber': [path: string];
  'settings.tooSmall': [path: string, min: number];
  'settings.tooLarge': [path: string, max: number];
  /** Any other problem, in zod's (English) words. */
  'settings.other': [path: string, problem: string];
}

export type MessageCode = keyof MessageParams;

/** A message for the user: a code and its parameters, in the order MessageParams gives them. */
export type UserMessage<C extends MessageCode = MessageCode> = {
  [K in C]: { code: K; params: MessageParams[K] };
}[C];

/** How many parameters each code takes; its keys are every code. */
export const MESSAGE_PARAM_COUNTS: { readonly [C in MessageCode]: MessageParams[C]['length'] } = {
  'download.urlEmpty': 0,
  'download.notUrl': 1,
  'download.notHttps': 1,
  'download.urlCredentials': 0,
  'download.urlTooLong': 1,
  'download.timeout': 2,
  'download.idle': 2,
  'download.unreachable': 2,
  'download.insecureRedirect': 1,
  'download.httpNotFound': 2,
  'download.httpForbidden': 2,
  'download.httpTooMany': 2,
  'download.httpServer': 2,
  'download.httpOther': 2,
  'download.tooLarge': 2,
  'download.webPage': 1,
  'download.markup': 1,
  'download.brokeOff': 2,
  'download.empty': 1,
  'download.notUtf8': 1,
  'download.failed': 2,
  'download.noPermission': 1,
  'download.notModifiedFresh': 1,
  'dataset.invalidFile': 2,
  'dataset.invalidUrl': 2,
  'dataset.unreadableFile': 2,
  'dataset.unreadableUrl': 2,
  'dataset.failedChecks': 2,
  'dataset.older': 2,
  'update.available': 1,
  'update.appliedVersion': 1,
  'update.active': 2,
  'update.rolledBack': 2,
  'update.bundledActive': 0,
  'update.needsSubscription': 0,
  'update.scheduleNotSaved': 0,
  'update.scheduleOff': 0,
  'update.scheduleDaily': 0,
  'update.scheduleWeekly': 0,
  'update.backgroundFailed': 1,
  'refresh.noUrl': 0,
  'refresh.skipped': 1,
  'refresh.notModified': 0,
  'refresh.invalid': 3,
  'refresh.otherDataset': 2,
  'refresh.older': 3,
  'refresh.latest': 1,
  'refresh.updated': 2,
  'legacy.text': 1,
  'store.writeFailed': 1,
  'store.switchFailed': 1,
  'store.noPrevious': 0,
  'store.slotDamaged': 1,
  'store.slotInvalid': 3,
  'settings.missing': 2,
  'settings.wrongType': 2,
  'settings.missingOneOf': 2,
  'settings.notOneOf': 2,
  'settings.unknownFields': 3,
  'settings.badKindName': 1,
  'settings.badColour': 1,
  'settings.badSite': 2,
  'settings.tooManyKinds': 2,
  'settings.tooManySites': 2,
  'settings.notWholeNumber': 1,
  'settings.tooSmall': 2,
  'settings.tooLarge': 2,
  'settings.other': 2,
};

export const MESSAGE_CODES = Object.keys(MESSAGE_PARAM_COUNTS) as MessageCode[];

const MAX_PARAM_LENGTH = 5000;

/** A message with code `code`: `message('download.empty', host)`. A longer text parameter is cut at 5,000 characters. */
export function message<C extends MessageCode>(code: C, ...params: MessageParams[C]): UserMessage<C> {
  const kept = params.map((param) => (typeof param === 'string' ? param.slice(0, MAX_PARAM_LENGTH) : param));
  return { code, params: kept } as UserMessage<C>;
}

/**
 * Whether `value` is a UserMessage: a known code with as many parameters as it takes, each a
 * string (at most 5,000 characters) or a finite number. Written by hand, without zod, for the
 * dataset store's pointer, which every page reads.
 */
export function isUserMessage(value: unknown): value is UserMessage {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { code, params } = value as Record<string, unknown>;
  if (!Object.keys(value).every((key) => key === 'code' || key === 'params')) return false;
  if (typeof code !== 'string' || !Object.hasOwn(MESSAGE_PARAM_COUNTS, code) || !Array.isArray(params)) return false;
  if (params.length !== MESSAGE_PARAM_COUNTS[code as MessageCode]) return false;
  return params.every(
    (param) =>
      (typeof param === 'string' && param.length <= MAX_PARAM_LENGTH) ||
      (typeof param === 'number' && Number.isFinite(param)),
  );
}

/** The zod schema of a UserMessage, for stored state. */
export function userMessageSchema() {
  return z.custom<UserMessage>(isUserMessage, { message: 'is not a Crossread message' });
}

/** `message` for a log or a thrown Error, not for the user: `download.empty(data.example)`. */
export function messageForLog(message: UserMessage): string {
  return `${message.code}(${message.params.join(', ')})`;
}
