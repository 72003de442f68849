/**
 * The one place that turns a country name into the slug of its entity id, so
 * the build, the tests and whoever writes data/brief.json agree on ids.
 *
 * Rule: Unicode NFD, combining marks removed, lower-cased, every run of
 * characters other than a–z and 0–9 replaced by "-", leading and trailing "-"
 * trimmed. "Côte d'Ivoire" → "cote-d-ivoire", "São Tomé and Príncipe" →
 * "sao-tome-and-principe", "Guinea-Bissau" → "guinea-bissau".
 *
 * The build applies it to world-countries' `name.common`, so the id of a
 * country is `country:` + countrySlug(name.common), e.g. "country:united-states".
 */
export function countrySlug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The entity id of a country with this common name: "United States" → "country:united-states". */
export function countryId(commonName: string): string {
  return `country:${countrySlug(commonName)}`;
}

/** The text without combining marks (after NFD), recomposed: "São Tomé" → "Sao Tome", "Türkiye" → "Turkiye". */
export function stripDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC');
}

/** Orders ids by UTF-16 code units, the same on every machine and locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
