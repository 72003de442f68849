/**
 * The generated country layer: one entity per UN member state plus Kosovo,
 * Palestine, Taiwan, Western Sahara and Vatican City, built from
 * world-countries (names, ISO codes, demonyms, capitals, UN membership; ODbL)
 * and country-coder (Wikidata ids and some English names; ISC).
 *
 * Pure: no file system, no clock. The hand-kept tables below are the only
 * judgement in it; each says why.
 */
import { feature, wikidataQID } from '@rapideditor/country-coder';
import countries, { type Country } from 'world-countries';
import { type Alias, aliasKey, type Dataset, type Entity } from '../../lib/dataset';
import { mergeAliases } from './aliases';
import { compareIds, countryId, stripDiacritics } from './slug';

type AliasForm = NonNullable<Alias['form']>;
type CountryDetails = NonNullable<Entity['country']>;

/** Not UN members, but states or territories that news about deportations names as countries. */
export const EXTRA_COUNTRY_CODES = ['XK', 'PS', 'TW', 'EH', 'VA'] as const;

/**
 * Aliases that can name something other than the country, so the matcher
 * must see supporting context before it accepts them. Keyed by aliasKey; the
 * value says what else the text names. Any alias text that two entities of
 * the dataset share is marked as well, automatically (aliases.ts), e.g.
 * "Congolese" and "Dominican".
 *
 * Considered and not marked: Chile (the pepper is "chile" in lower case, and
 * single-word aliases are case-sensitive), China (likewise "china"), Mexico
 * and Ireland (the alias names only the country; "New Mexico" and "Northern
 * Ireland" are longer phrases for the matcher to handle), Samoa, Gambia,
 * Panama, Lebanon, Jamaica, Benin, Tonga (places or peoples of the same name
 * are rare in news), French, Swiss, Chinese, Turkish (demonyms whose other
 * senses, language or cuisine, still point at the country).
 */
export const AMBIGUOUS_ALIASES: ReadonlyMap<string, string> = new Map([
  ['georgia', 'the US state'],
  ['georgian', 'someone from the US state; the architectural period'],
  ['jordan', 'a given name and surname; the river'],
  ['chad', 'a given name'],
  ['turkey', 'the bird'],
  ['niger', 'the river'],
  ['guinea', 'the coin, the coast and region, New Guinea'],
  ['guinean', 'people of Equatorial Guinea, Guinea-Bissau or New Guinea'],
  ['dominica', 'confused with the Dominican Republic'],
  ['congo', 'the river; either Congo'],
  ['macedonia', 'the Greek region; the historical region'],
  ['macedonian', 'people of the Greek region; the ancient kingdom'],
  ['timor', 'the island, shared with Indonesia'],
  ['micronesia', 'the Pacific region'],
  ['emirates', 'the airline'],
  ['holland', 'two Dutch provinces; a surname'],
  ['america', 'the Americas, as in "Latin America" and "Central America"'],
  ['american', 'people of the Americas, as in "Central American"'],
  ['central african', 'the region'],
  ['indian', 'Indigenous peoples of the Americas; the Indian Ocean'],
  ['polish', 'the verb'],
]);

/**
 * Abbreviations English prose uses for a country. Letter codes are never
 * taken from the code fields ("RW", "RWA" are not how text names Rwanda);
 * only these, all case-sensitive.
 */
const ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  US: ['US', 'U.S.', 'USA', 'U.S.A.'],
  GB: ['UK', 'U.K.'],
  AE: ['UAE'],
  CD: ['DRC'],
  CN: ['PRC'],
  KP: ['DPRK'],
};

/** Well-known English names the layer must have, whether or not the packages give them. */
const EXTRA_NAMES: Readonly<Record<string, ReadonlyArray<[string, AliasForm]>>> = {
  BA: [
    ['Bosnia', 'short'],
    ['Bosnia-Herzegovina', 'spelling'],
  ],
  BN: [['Brunei Darussalam', 'name']],
  CD: [
    ['Congo', 'short'],
    ['Congo-Kinshasa', 'name'],
  ],
  CG: [
    ['Congo-Brazzaville', 'name'],
    ['Republic of Congo', 'name'],
  ],
  CV: [['Cabo Verde', 'name']],
  GB: [
    ['Great Britain', 'name'],
    ['Britain', 'short'],
  ],
  LA: [['Lao PDR', 'name']],
  MM: [['Burma', 'name']],
  NL: [['Holland', 'short']],
  SZ: [['Swaziland', 'name']],
  TL: [['East Timor', 'name']],
  TR: [['Turkey', 'name']],
  TW: [
    ['Republic of China', 'name'],
    ['Chinese Taipei', 'name'],
  ],
  US: [['America', 'short']],
  VA: [
    ['Holy See', 'name'],
    ['Vatican', 'short'],
  ],
  VN: [['Viet Nam', 'spelling']],
};

/** world-countries demonyms that are misspelt or outdated, and the English spelling used instead. */
const DEMONYM_CORRECTIONS: ReadonlyMap<string, string> = new Map([
  ['Cape Verdian', 'Cape Verdean'],
  ['Maldivan', 'Maldivian'],
  ['Kirghiz', 'Kyrgyz'],
  ['Tadzhik', 'Tajik'],
]);

/** English demonyms world-countries lacks. */
const EXTRA_DEMONYMS: Readonly<Record<string, readonly string[]>> = {
  DJ: ['Djiboutian'],
  EC: ['Ecuadorian'],
  GW: ['Bissau-Guinean'],
};

/**
 * Words of English formal names ("Republic of …", "Kingdom of …"). An
 * altSpelling is kept only if every word is one of these or a word of the
 * country's English names, which leaves out names in other languages
 * ("Shqipëri", "Suomi", "Island" for Iceland) and former or inverted forms.
 */
const STATE_WORDS = new Set([
  ...['the', 'of', 'and', 'republic', 'kingdom', 'state', 'states', 'democratic', "people's", 'federal', 'federation'],
  ...['federated', 'islamic', 'arab', 'united', 'union', 'principality', 'sultanate', 'commonwealth', 'grand'],
  ...['duchy', 'independent', 'sovereign', 'socialist', 'plurinational', 'bolivarian', 'co', 'operative'],
  ...['hashemite', 'oriental', 'confederation', 'nation'],
]);

/** Corrections to the packages, each with its reason. */
const OVERRIDES = {
  /** world-countries 5.1.0 marks Vatican City a UN member; the Holy See is an observer (country-coder agrees). */
  unMember: { VA: false } as Readonly<Record<string, boolean>>,
  /** Kosovo has no ISO alpha-3 code; world-countries gives the UN's "UNK", country-coder the "XKX" the EU and World Bank use. */
  iso3: { XK: 'XKX' } as Readonly<Record<string, string>>,
  /**
   * country-coder's country-level features for DK and NL are the whole realms
   * (Q756617 Kingdom of Denmark, with Greenland and the Faroes; Q29999 Kingdom
   * of the Netherlands, with Aruba, Curaçao, Sint Maarten). The entity named
   * "Denmark" or "Netherlands" with ISO code DK or NL is the European country,
   * which country-coder also has, as a territory: Q35 and Q55.
   */
  wikidata: { DK: 'Q35', NL: 'Q55' } as Readonly<Record<string, string>>,
};

/** Neutral summaries where "Country in …; capital …" would take a side or mislead. */
const SUMMARIES: Readonly<Record<string, string>> = {
  EH: 'Disputed territory in Northern Africa, most of it administered by Morocco and claimed by the Sahrawi Arab Democratic Republic.',
  IL: 'Country in Western Asia; its government sits in Jerusalem, whose status is disputed internationally.',
  PS: 'Partially recognised state in Western Asia and a UN non-member observer state; its government sits in Ramallah.',
  TW: "Self-governing island in Eastern Asia, officially the Republic of China, which the People's Republic of China claims; capital Taipei.",
  VA: 'City-state enclaved in Rome; seat of the Holy See, which has UN observer status.',
  XK: 'Partially recognised state in Southeast Europe that declared independence from Serbia in 2008; capital Pristina.',
};

/** Credits for the packages the layer comes from; the build adds them to the brief's. */
export const COUNTRY_LAYER_CREDITS = [
  {
    name: 'world-countries (mledoze/countries)',
    licence: 'ODbL-1.0',
    url: 'https://github.com/mledoze/countries',
    usedFor:
      'Names, ISO 3166-1 codes, demonyms, capitals and UN membership of the country entities; ' +
      'this derived country data stays under the Open Database License.',
  },
  {
    name: 'country-coder (RapiD editor)',
    licence: 'ISC',
    url: 'https://github.com/rapideditor/country-coder',
    usedFor: 'Wikidata ids (sameAs) and English names of the country entities.',
  },
] as const satisfies ReadonlyArray<NonNullable<Dataset['credits']>[number]>;

interface CoderProperties {
  nameEn: string;
  aliases?: string[];
}

/** The world-countries records the layer includes, in world-countries order. */
export function includedCountries(): Country[] {
  const extras: readonly string[] = EXTRA_COUNTRY_CODES;
  return countries.filter((country) => country.unMember || extras.includes(country.cca2));
}

/** Generates the country entities, sorted by id. `asOf`: the dataset's publication date. */
export function generateCountries(asOf: string): Entity[] {
  const entities = includedCountries().map((country) => countryEntity(country, asOf));
  const ids = new Set<string>();
  for (const entity of entities) {
    if (ids.has(entity.id)) throw new Error(`Two countries slug to the same id "${entity.id}"`);
    ids.add(entity.id);
  }
  return entities.sort((a, b) => compareIds(a.id, b.id));
}

function countryEntity(country: Country, asOf: string): Entity {
  const iso2 = country.cca2;
  const coder = feature(iso2)?.properties as CoderProperties | undefined;
  const sameAs = OVERRIDES.wikidata[iso2] ?? wikidataQID(iso2);
  if (!coder || !sameAs) throw new Error(`country-coder has no feature for ${iso2} (${country.name.common})`);
  const demonyms = demonymsOf(country);
  const details: CountryDetails = {
    iso2,
    iso3: OVERRIDES.iso3[iso2] ?? country.cca3,
    demonyms,
    unMember: OVERRIDES.unMember[iso2] ?? country.unMember,
  };
  if (country.ccn3) details.isoNumeric = country.ccn3;
  if (country.capital.length > 0) details.capital = country.capital.join(', ');
  return {
    id: countryId(country.name.common),
    kind: 'country',
    name: country.name.common,
    summary: SUMMARIES[iso2] ?? defaultSummary(country),
    asOf,
    sameAs,
    aliases: countryAliases(country, coder, demonyms),
    country: orderDetails(details),
  };
}

function orderDetails(details: CountryDetails): CountryDetails {
  const { iso2, iso3, isoNumeric, demonyms, capital, unMember } = details;
  return {
    iso2,
    iso3,
    ...(isoNumeric === undefined ? {} : { isoNumeric }),
    demonyms,
    ...(capital === undefined ? {} : { capital }),
    unMember,
  };
}

/** English demonyms: world-countries' (split: "Antiguan, Barbudan", "Kittitian or Nevisian") and ours. */
function demonymsOf(country: Country): string[] {
  const english = country.demonyms.eng;
  const raw = english ? [english.m, english.f] : [];
  const split = raw
    .flatMap((text) => text.split(/,\s*|\s+or\s+/))
    .map((text) => text.trim())
    .map((text) => DEMONYM_CORRECTIONS.get(text) ?? text);
  return unique([...split, ...(EXTRA_DEMONYMS[country.cca2] ?? [])].filter((text) => text !== ''));
}

function defaultSummary(country: Country): string {
  const place =
    country.subregion === 'Australia and New Zealand'
      ? 'Oceania'
      : country.region === 'Oceania'
        ? `Oceania (${country.subregion})`
        : country.subregion === 'Caribbean'
          ? 'the Caribbean'
          : country.subregion || country.region;
  // "Washington D.C." already ends the sentence.
  const capitals = country.capital.map((name) => name.replace(/\.$/, ''));
  const capital =
    capitals.length === 0
      ? ''
      : capitals.length === 1
        ? `; capital ${capitals[0]}`
        : `; capitals ${capitals.slice(0, -1).join(', ')} and ${capitals[capitals.length - 1]}`;
  return `Country in ${place}${capital}.`;
}

function countryAliases(country: Country, coder: CoderProperties, demonyms: readonly string[]): Alias[] {
  const iso2 = country.cca2;
  const names: Array<[string, AliasForm]> = [
    [country.name.common, 'name'],
    [country.name.official, 'name'],
    [coder.nameEn, 'name'],
    ...(coder.aliases ?? []).filter((text) => !isLetterCode(text)).map((text): [string, AliasForm] => [text, 'name']),
  ];
  const vocabulary = new Set(names.flatMap(([text]) => words(text)));
  for (const word of STATE_WORDS) vocabulary.add(word);
  // Words that name this country, not its form of state: an altSpelling must have one ("the Abode of Peace" has none).
  const ownWords = new Set(
    [country.name.common, coder.nameEn, ...(coder.aliases ?? [])]
      .flatMap(words)
      .filter((word) => !STATE_WORDS.has(word)),
  );
  const plainNames = new Set(names.map(([text]) => aliasKey(stripDiacritics(text))));
  const demonymKeys = new Set(demonyms.map(aliasKey));

  for (const text of country.altSpellings) {
    if (isLetterCode(text) || /[,()]/.test(text) || demonymKeys.has(aliasKey(text))) continue;
    // A name with diacritics stripped, or a native form that only adds them ("Pākistān", "România"):
    // the diacritic-free spellings of the names are added below.
    if (plainNames.has(aliasKey(stripDiacritics(text)))) continue;
    const textWords = words(text);
    if (!textWords.every((word) => vocabulary.has(word)) || !textWords.some((word) => ownWords.has(word))) continue;
    // One word that is not the name itself is a short form: "Congo", "Saudi", "Emirates", "Timor".
    names.push([text, textWords.length === 1 ? 'short' : 'name']);
  }
  names.push(...(EXTRA_NAMES[iso2] ?? []));
  // The same names without diacritics, as English text often writes them: "Cote d'Ivoire", "Turkiye".
  const plain = names
    .map(([text]) => stripDiacritics(text))
    .filter((text) => !names.some(([name]) => name === text))
    .map((text): [string, AliasForm] => [text, 'spelling']);

  const candidates: Alias[] = [
    ...names.map(([text, form]) => alias(text, form)),
    ...(ABBREVIATIONS[iso2] ?? []).map((text) => alias(text, 'abbreviation', true)),
    ...plain.map(([text, form]) => alias(text, form)),
    ...demonyms.map((text) => alias(text, 'demonym')),
  ];
  return mergeAliases([], candidates);
}

/** English alias; case-sensitive when it is one word (so "Chad" never matches "chad") or an abbreviation. */
function alias(text: string, form: AliasForm, caseSensitive = !/\s/.test(text)): Alias {
  const result: Alias = { text, lang: 'en', caseSensitive };
  if (AMBIGUOUS_ALIASES.has(aliasKey(text))) result.ambiguous = true;
  result.form = form;
  return result;
}

/** "RW", "RWA", "UK": codes, not names. */
function isLetterCode(text: string): boolean {
  return /^[A-Z]{2,4}$/.test(text);
}

/** Lower-case words without diacritics: "Republic of Côte d’Ivoire" → ["republic", "of", "cote", "d'ivoire"]. */
function words(text: string): string[] {
  return stripDiacritics(text)
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .split(/[\s\-–]+/)
    .filter((word) => word !== '');
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
