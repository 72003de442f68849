import type { Figure, FigureKind } from '../dataset/schema';

/**
 * What a fact card shows for one entity: everything the dataset says about
 * it, cross-referenced, as plain data. It is built in the background from
 * the active dataset (build-entity-card.ts) and sent to the page that asked,
 * so a page never loads the whole dataset; the card component turns it into
 * words in the user's language.
 *
 * Neutral by construction: every fact carries the outlets that report it
 * (none for reference data such as ISO codes, which the card labels as
 * such), and a claim keeps every outlet's version, with what they disagree
 * on spelled out, never a single "true" value.
 */
export interface EntityCard {
  id: string;
  kind: string;
  name: string;
  summary: string;
  /** YYYY-MM-DD: when the dataset's record of this entity was last checked. */
  asOf: string;
  /** https://www.wikidata.org/wiki/Q… when the dataset links the entity to Wikidata. */
  wikidataUrl?: string;
  facts: CardFact[];
  /** Claims about this entity: for a deal, the claims carrying its figures first, then the rest in dataset order. */
  claims: ClaimView[];
  related: EntityRef[];
  dataset: { title: string; version: string };
}

/** A link to another entity of the dataset, which the card can move to. */
export interface EntityRef {
  id: string;
  name: string;
  kind: string;
  /** For a deal: its status. */
  status?: DealStatus;
}

export interface OutletRef {
  id: string;
  name: string;
  /** https only (the dataset schema refuses anything else). */
  homepage?: string;
}

export type DealStatus =
  | 'proposed'
  | 'in-talks'
  | 'preliminary'
  | 'active'
  | 'blocked'
  | 'refused'
  | 'suspended'
  | 'ended';

/**
 * What a fact is, so the card can label it in the user's language:
 * - role: a person's role (`text`), with `date`/`dateTo` the time in it when known;
 * - country: the country a person's role or an organisation belongs to (`entities`, one);
 * - parties: a deal's parties (`entities`);
 * - status: a deal's status (`status`), `text` the dataset's note on it;
 * - deals: the deals a country is a party to (`entities`, each with its `status`);
 * - capital: a country's capital (`text`);
 * - codes: a country's ISO 3166-1 codes (`text`, e.g. "RW / RWA");
 * - type: what kind of organisation it is (`text`);
 * - date: a dated event from the entity's record (`date`, `text` the event).
 */
export type FactLabel = 'role' | 'country' | 'parties' | 'status' | 'deals' | 'capital' | 'codes' | 'type' | 'date';

export interface CardFact {
  label: FactLabel;
  text?: string;
  entities?: EntityRef[];
  status?: DealStatus;
  /** A partial date as the dataset gives it: YYYY, YYYY-MM or YYYY-MM-DD. */
  date?: string;
  dateTo?: string;
  /** Outlets that report this fact; empty for reference data. */
  reportedBy: OutletRef[];
}

export interface ClaimVersionView {
  outlet: OutletRef;
  datePublished: string;
  /** The key word this outlet used ("requested", "paid"), where versions differ on it. */
  term?: string;
  framing: string;
  /** Absent when the outlet gave no figure. */
  figure?: Figure;
  /** Who the outlet attributes the fact to. */
  citations: Array<{ name: string; url?: string }>;
  /** https only. */
  url?: string;
}

/**
 * Where the versions of a claim part ways. Each list has two or more
 * entries when the outlets differ on that point and is empty when they
 * agree on it (or when fewer than two versions say anything about it).
 */
export interface ClaimDisagreement {
  /** The distinct key words, in the order the versions first use them: ["requested", "appropriated", "received"]. */
  terms: string[];
  /** The distinct figures, as the first version giving each one wrote it: ["$100,000", "$6 million"]. Figures that are equal in value, unit, qualifier and date count as one. */
  figures: string[];
}

export interface ClaimView {
  id: string;
  /** The question the claim answers, stated neutrally by the dataset's authors. */
  statement: string;
  figureKind: FigureKind;
  versions: ClaimVersionView[];
  disagreement: ClaimDisagreement;
  /** Outlets with a version that gives no figure (only for claims whose figureKind is not "text"). */
  withoutFigure: OutletRef[];
}
