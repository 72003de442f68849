import { messageText } from '../../components/messages';
import { isUserMessage, type UserMessage } from '../../lib/user-message';

/** `T` with every UserMessage in it replaced by its words. */
export type Worded<T> = T extends UserMessage
  ? string
  : T extends readonly (infer U)[]
    ? Worded<U>[]
    : T extends object
      ? { [K in keyof T]: Worded<T[K]> }
      : T;

/**
 * `value` with every UserMessage in it (lib/user-message.ts) put into words by the page's
 * messageText, in the fake browser's UI language (English unless a test calls setLocale), so a
 * test can compare results with the sentences a user reads.
 */
export function inWords<T>(value: T): Worded<T> {
  if (isUserMessage(value)) return messageText(value) as Worded<T>;
  if (Array.isArray(value)) return value.map(inWords) as Worded<T>;
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, inWords(item)])) as Worded<T>;
  }
  return value as Worded<T>;
}
