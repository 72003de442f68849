export type { MatcherData } from './automaton';
export {
  checkMatcherData,
  compileMatcher,
  compileMatcherData,
  type FindMentionsOptions,
  type Matcher,
  matcherFromData,
  type TextMention,
} from './matcher';
export { isWordChar, normalizeName, normalizeText } from './normalize';
