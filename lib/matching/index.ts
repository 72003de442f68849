export type { MatcherData } from './automaton';
export {
  type CompileOptions,
  checkMatcherData,
  compileMatcher,
  compileMatcherData,
  type FindMentionsOptions,
  type Matcher,
  matcherFromData,
  TEXT_SEPARATOR,
  type TextMention,
} from './matcher';
export { isWordChar, normalizeName, normalizeText } from './normalize';
