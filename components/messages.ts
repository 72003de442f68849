// The words for what lib/ and the background report as a code and parameters (lib/user-message.ts):
// one entry per code, each calling t() with its key in locales/<lang>.yml (`common.message.<code>`).
// tsc checks that every code has an entry, and t() that its key exists with as many `$n` as given.

import { MESSAGE_CODES, type MessageCode, type MessageParams, type UserMessage } from '../lib/user-message';
import { formatNumber, t } from './i18n';
import { formatMegabytes } from './options/format';

/** A size in bytes in the UI language: "1 kB", "5.0 MB" ("1 ko", "5,0 Mo"). */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? t('common.unit.megabytes', formatMegabytes(bytes))
    : t('common.unit.kilobytes', formatNumber(Math.ceil(bytes / 1024)));
}

/** A duration in the UI language: "50 milliseconds", "1.5 seconds" ("1,5 seconde"). */
export function formatDuration(milliseconds: number): string {
  if (milliseconds < 1000) return t('common.unit.milliseconds', milliseconds);
  return t('common.unit.seconds', Math.round(milliseconds / 100) / 10);
}

/** A settings field as validateSettings names it ("sites.denied[0]"); '' is the settings as a whole. */
function field(path: string): string {
  return path === '' ? t('common.message.settingsRoot') : path;
}

type Words = { readonly [C in MessageCode]: (...params: MessageParams[C]) => string };

const WORDS: Words = {
  'download.urlEmpty': () => t('common.message.download.urlEmpty'),
  'download.notUrl': (text) => t('common.message.download.notUrl', text),
  'download.notHttps': (protocol) => t('common.message.download.notHttps', protocol),
  'download.urlCredentials': () => t('common.message.download.urlCredentials'),
  'download.urlTooLong': (max) => t('common.message.download.urlTooLong', formatNumber(max)),
  'download.timeout': (host, ms) => t('common.message.download.timeout', [host, formatDuration(ms)]),
  'download.idle': (host, ms) => t('common.message.download.idle', [host, formatDuration(ms)]),
  'download.unreachable': (host, detail) => t('common.message.download.unreachable', [host, detail]),
  'download.insecureRedirect': (host) => t('common.message.download.insecureRedirect', host),
  'download.httpNotFound': (host, status) => t('common.message.download.httpNotFound', [host, status]),
  'download.httpForbidden': (host, status) => t('common.message.download.httpForbidden', [host, status]),
  'download.httpTooMany': (host, status) => t('common.message.download.httpTooMany', [host, status]),
  'download.httpServer': (host, status) => t('common.message.download.httpServer', [host, status]),
  'download.httpOther': (host, status) => t('common.message.download.httpOther', [host, status]),
  'download.tooLarge': (host, maxBytes) => t('common.message.download.tooLarge', [host, formatBytes(maxBytes)]),
  'download.webPage': (host) => t('common.message.download.webPage', host),
  'download.markup': (host) => t('common.message.download.markup', host),
  'download.brokeOff': (host, detail) => t('common.message.download.brokeOff', [host, detail]),
  'download.empty': (host) => t('common.message.download.empty', host),
  'download.notUtf8': (host) => t('common.message.download.notUtf8', host),
  'download.failed': (host, detail) => t('common.message.download.failed', [host, detail]),
  'download.noPermission': (host) => t('common.message.download.noPermission', host),
  'download.notModifiedFresh': (host) => t('common.message.download.notModifiedFresh', host),
  'dataset.invalidFile': (count, fileName) =>
    t('common.message.dataset.invalidFile', count, [formatNumber(count), fileName]),
  'dataset.invalidUrl': (count, url) => t('common.message.dataset.invalidUrl', count, [formatNumber(count), url]),
  'dataset.unreadableFile': (fileName, diagnostic) =>
    t('common.message.dataset.unreadableFile', [fileName, diagnostic]),
  'dataset.unreadableUrl': (url, diagnostic) => t('common.message.dataset.unreadableUrl', [url, diagnostic]),
  'dataset.failedChecks': (path, diagnostic) => t('common.message.dataset.failedChecks', [path, diagnostic]),
  'dataset.older': (version, active) => t('common.message.dataset.older', [version, active]),
  'update.available': (version) => t('common.message.update.available', version),
  'update.appliedVersion': (version) => t('common.message.update.appliedVersion', version),
  'update.active': (title, version) => t('common.message.update.active', [title, version]),
  'update.rolledBack': (title, version) => t('common.message.update.rolledBack', [title, version]),
  'update.bundledActive': () => t('common.message.update.bundledActive'),
  'update.needsSubscription': () => t('common.message.update.needsSubscription'),
  'update.scheduleNotSaved': () => t('common.message.update.scheduleNotSaved'),
  'update.scheduleOff': () => t('common.message.update.scheduleOff'),
  'update.scheduleDaily': () => t('common.message.update.scheduleDaily'),
  'update.scheduleWeekly': () => t('common.message.update.scheduleWeekly'),
  'update.backgroundFailed': (detail) => t('common.message.update.backgroundFailed', detail),
  'refresh.noUrl': () => t('common.message.refresh.noUrl'),
  'refresh.skipped': (url) => t('common.message.refresh.skipped', url),
  'refresh.notModified': () => t('common.message.refresh.notModified'),
  'refresh.invalid': (count, url, listed) =>
    t('common.message.refresh.invalid', count, [formatNumber(count), url, listed]),
  'refresh.otherDataset': (url, title) => t('common.message.refresh.otherDataset', [url, title]),
  'refresh.older': (url, version, active) => t('common.message.refresh.older', [url, version, active]),
  'refresh.latest': (version) => t('common.message.refresh.latest', version),
  'refresh.updated': (from, to) => t('common.message.refresh.updated', [from, to]),
  'legacy.text': (text) => t('common.message.legacy.text', text),
  'store.writeFailed': (detail) => t('common.message.store.writeFailed', detail),
  'store.switchFailed': (detail) => t('common.message.store.switchFailed', detail),
  'store.noPrevious': () => t('common.message.store.noPrevious'),
  'store.slotDamaged': (slot) => t('common.message.store.slotDamaged', slot),
  'store.slotInvalid': (slot, path, diagnostic) => t('common.message.store.slotInvalid', [slot, path, diagnostic]),
  'settings.missing': (path, expected) => t('common.message.settings.missing', [field(path), expected]),
  'settings.wrongType': (path, expected) => t('common.message.settings.wrongType', [field(path), expected]),
  'settings.missingOneOf': (path, values) => t('common.message.settings.missingOneOf', [field(path), values]),
  'settings.notOneOf': (path, values) => t('common.message.settings.notOneOf', [field(path), values]),
  'settings.unknownFields': (path, count, fields) =>
    t('common.message.settings.unknownFields', count, [field(path), formatNumber(count), fields]),
  'settings.badKindName': (path) => t('common.message.settings.badKindName', field(path)),
  'settings.badColour': (path) => t('common.message.settings.badColour', field(path)),
  'settings.badSite': (path, value) => t('common.message.settings.badSite', [field(path), value]),
  'settings.tooManyKinds': (path, max) => t('common.message.settings.tooManyKinds', [field(path), formatNumber(max)]),
  'settings.tooManySites': (path, max) => t('common.message.settings.tooManySites', [field(path), formatNumber(max)]),
  'settings.notWholeNumber': (path) => t('common.message.settings.notWholeNumber', field(path)),
  'settings.tooSmall': (path, min) => t('common.message.settings.tooSmall', [field(path), formatNumber(min)]),
  'settings.tooLarge': (path, max) => t('common.message.settings.tooLarge', [field(path), formatNumber(max)]),
  'settings.other': (path, problem) => t('common.message.settings.other', [field(path), problem]),
};

/** `message` in words, in the UI language. */
export function messageText(message: UserMessage): string {
  const words = WORDS[message.code] as (...params: readonly (string | number)[]) => string;
  return words(...message.params);
}

/** Every code, for tests that walk them. */
export { MESSAGE_CODES };
