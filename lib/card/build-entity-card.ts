import type { Claim, ClaimVersion, Dataset, Entity, Figure, Outlet } from '../dataset/schema';
import type {
  CardFact,
  ClaimDisagreement,
  ClaimVersionView,
  ClaimView,
  EntityCard,
  EntityRef,
  OutletRef,
} from './entity-card';

/**
 * Builds the fact card of one entity from a whole dataset, or null for an id
 * the dataset does not have. Indexes the dataset on every call: for repeated
 * cards use entityCardBuilder.
 */
export function buildEntityCard(dataset: Dataset, entityId: string): EntityCard | null {
  return entityCardBuilder(dataset)(entityId);
}

/**
 * Indexes the dataset once so that each card costs the size of the card, not
 * of the dataset (the background builds one per click on a dataset of a few
 * thousand entities). A card never throws on dangling ids: integrity checks
 * normally rule them out, but a card that fails to open helps nobody.
 */
export function entityCardBuilder(dataset: Dataset): (entityId: string) => EntityCard | null {
  const index = indexDataset(dataset);
  return (entityId) => {
    const entity = index.entities.get(entityId);
    if (!entity) return null;
    const card: EntityCard = {
      id: entity.id,
      kind: entity.kind,
      name: entity.name,
      summary: entity.summary,
      asOf: entity.asOf,
      facts: factsOf(entity, index),
      claims: claimsOf(entity, index).map((claim) => claimView(claim, index)),
      related: entityRefs(entity.related ?? [], index, entity.id),
      dataset: { title: dataset.title, version: dataset.version },
    };
    if (entity.sameAs) card.wikidataUrl = `https://www.wikidata.org/wiki/${entity.sameAs}`;
    return card;
  };
}

interface DatasetIndex {
  entities: Map<string, Entity>;
  outlets: Map<string, Outlet>;
  claims: Map<string, Claim>;
  claimsByEntity: Map<string, Claim[]>;
  dealsByParty: Map<string, Entity[]>;
}

function indexDataset(dataset: Dataset): DatasetIndex {
  const index: DatasetIndex = {
    entities: new Map(),
    outlets: new Map(dataset.outlets.map((outlet) => [outlet.id, outlet])),
    claims: new Map(dataset.claims.map((claim) => [claim.id, claim])),
    claimsByEntity: new Map(),
    dealsByParty: new Map(),
  };
  for (const entity of dataset.entities) {
    index.entities.set(entity.id, entity);
    if (entity.kind !== 'deal' || !entity.deal) continue;
    // A Set: a party listed twice must not list the deal twice on its card.
    for (const party of new Set(entity.deal.parties)) pushTo(index.dealsByParty, party, entity);
  }
  for (const claim of dataset.claims) {
    for (const about of claim.about) pushTo(index.claimsByEntity, about, claim);
  }
  return index;
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function entityRef(entity: Entity): EntityRef {
  const ref: EntityRef = { id: entity.id, name: entity.name, kind: entity.kind };
  if (entity.deal) ref.status = entity.deal.status;
  return ref;
}

/** Refs for ids that exist, in the given order, once each, leaving out `self`. */
function entityRefs(ids: readonly string[], index: DatasetIndex, self?: string): EntityRef[] {
  const refs: EntityRef[] = [];
  const seen = new Set<string>();
  for (const id of ids) {
    const entity = index.entities.get(id);
    if (!entity || id === self || seen.has(id)) continue;
    seen.add(id);
    refs.push(entityRef(entity));
  }
  return refs;
}

/** An outlet as cards and the popup name it; an id the dataset does not list keeps its own name. */
export function outletRef(id: string, outlets: ReadonlyMap<string, Outlet>): OutletRef {
  const outlet = outlets.get(id);
  if (!outlet) return { id, name: id.replace(/^outlet:/, '') };
  const ref: OutletRef = { id, name: outlet.name };
  if (outlet.homepage) ref.homepage = outlet.homepage;
  return ref;
}

function outletRefs(ids: readonly string[] | undefined, index: DatasetIndex): OutletRef[] {
  return [...new Set(ids ?? [])].map((id) => outletRef(id, index.outlets));
}

function factsOf(entity: Entity, index: DatasetIndex): CardFact[] {
  const facts: CardFact[] = [];
  const { person, country, deal, organization } = entity;
  // By kind, not by which details are present, so a record whose details
  // contradict its kind does not get another kind's facts.
  if (entity.kind === 'person' && person) {
    // The role's country comes from the same reports as the role itself.
    const reportedBy = outletRefs(person.reportedBy, index);
    const role: CardFact = { label: 'role', text: person.role, reportedBy };
    if (person.roleFrom) role.date = person.roleFrom;
    if (person.roleTo) role.dateTo = person.roleTo;
    facts.push(role);
    pushCountryFact(facts, person.country, index, reportedBy);
  } else if (entity.kind === 'country' && country) {
    const deals = index.dealsByParty.get(entity.id) ?? [];
    if (deals.length > 0) {
      const reportedBy = outletRefs(
        deals.flatMap((each) => each.deal?.statusReportedBy ?? []),
        index,
      );
      facts.push({ label: 'deals', entities: deals.map(entityRef), reportedBy });
    }
    if (country.capital) facts.push({ label: 'capital', text: country.capital, reportedBy: [] });
    facts.push({ label: 'codes', text: `${country.iso2} / ${country.iso3}`, reportedBy: [] });
  } else if (entity.kind === 'deal' && deal) {
    const parties = entityRefs(deal.parties, index, entity.id);
    if (parties.length > 0) facts.push({ label: 'parties', entities: parties, reportedBy: [] });
    const status: CardFact = {
      label: 'status',
      status: deal.status,
      reportedBy: outletRefs(deal.statusReportedBy, index),
    };
    if (deal.statusNote) status.text = deal.statusNote;
    facts.push(status);
  } else if (entity.kind === 'organization' && organization) {
    facts.push({ label: 'type', text: organization.type, reportedBy: [] });
    pushCountryFact(facts, organization.country, index, []);
  }
  for (const keyDate of entity.keyDates ?? []) {
    facts.push({
      label: 'date',
      date: keyDate.date,
      text: keyDate.event,
      reportedBy: outletRefs(keyDate.reportedBy, index),
    });
  }
  return facts;
}

function pushCountryFact(facts: CardFact[], id: string | undefined, index: DatasetIndex, reportedBy: OutletRef[]) {
  const country = id === undefined ? undefined : index.entities.get(id);
  if (country) facts.push({ label: 'country', entities: [entityRef(country)], reportedBy });
}

/** For a deal, the claims carrying its figures first, in the deal's order; then the rest in dataset order. */
function claimsOf(entity: Entity, index: DatasetIndex): Claim[] {
  const ordered = new Map<string, Claim>();
  if (entity.kind === 'deal') {
    for (const id of entity.deal?.figures ?? []) {
      const claim = index.claims.get(id);
      if (claim) ordered.set(id, claim);
    }
  }
  for (const claim of index.claimsByEntity.get(entity.id) ?? []) {
    if (!ordered.has(claim.id)) ordered.set(claim.id, claim);
  }
  return [...ordered.values()];
}

function claimView(claim: Claim, index: DatasetIndex): ClaimView {
  const withoutFigure =
    claim.figureKind === 'text'
      ? []
      : outletRefs(
          claim.versions.filter((version) => !version.figure).map((version) => version.outlet),
          index,
        );
  return {
    id: claim.id,
    statement: claim.statement,
    figureKind: claim.figureKind,
    versions: claim.versions.map((version) => versionView(version, index)),
    disagreement: disagreementOf(claim),
    withoutFigure,
  };
}

function versionView(version: ClaimVersion, index: DatasetIndex): ClaimVersionView {
  const citations: ClaimVersionView['citations'] = [];
  for (const citation of version.citation ?? []) {
    const name = citation.outlet ? outletRef(citation.outlet, index.outlets).name : citation.name;
    if (!name) continue;
    citations.push(citation.url ? { name, url: citation.url } : { name });
  }
  const view: ClaimVersionView = {
    outlet: outletRef(version.outlet, index.outlets),
    datePublished: version.datePublished,
    framing: version.framing,
    citations,
  };
  if (version.term) view.term = version.term;
  if (version.figure) view.figure = version.figure;
  if (version.url) view.url = version.url;
  return view;
}

function disagreementOf(claim: Claim): ClaimDisagreement {
  const terms = firstOfEach(
    claim.versions.flatMap((version) => (version.term ? [version.term] : [])),
    normalText,
  );
  const figures = firstOfEach(
    claim.versions.flatMap((version) => (version.figure ? [version.figure] : [])),
    (figure) => figureKey(figure, claim.figureKind === 'text'),
  ).map((figure) => figure.asReported);
  return {
    terms: terms.length >= 2 ? terms : [],
    figures: figures.length >= 2 ? figures : [],
  };
}

/** The first item of each group of items with the same key, in order. */
function firstOfEach<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const itemKey = key(item);
    if (seen.has(itemKey)) return false;
    seen.add(itemKey);
    return true;
  });
}

function normalText(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Figures are compared by their normalised reading, so "$100,000" and
 * "US$100K" are one figure. A figure with no normalised reading at all (a
 * text claim, or a record integrity checks would refuse) falls back to its
 * wording, so that two different wordings never merge into one.
 */
function figureKey(figure: Figure, isText: boolean): string {
  if (isText || (figure.value === undefined && figure.date === undefined)) {
    return `text:${normalText(figure.asReported)}`;
  }
  return JSON.stringify([
    'figure',
    figure.value ?? null,
    figure.unit ?? null,
    figure.qualifier ?? null,
    figure.date ?? null,
  ]);
}
