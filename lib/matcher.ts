/**
 * The matcher the rest of the extension imports. The engine lives in
 * lib/matching/: text normalisation, an Aho–Corasick automaton anchored at
 * word starts, leftmost-longest overlap resolution and the ambiguity rule
 * (documented on `Matcher.findMentions`).
 */
export {
  type CompileOptions,
  checkMatcherData,
  compileMatcher,
  compileMatcherData,
  type FindMentionsOptions,
  type Matcher,
  type MatcherData,
  matcherFromData,
  TEXT_SEPARATOR,
  type TextMention,
} from './matching';
