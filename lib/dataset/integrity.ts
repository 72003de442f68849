import { LIMITS } from './limits';
import type { Claim, Dataset, Entity, Figure } from './schema';

/** One problem found in a dataset: where (`entities[12].aliases[3]`) and what, in plain words. */
export interface DatasetIssue {
  path: string;
  message: string;
}

type PathPart = string | number;

/** Formats a path the way a reader writes it: `entities[12].aliases[3].text`. */
export function formatPath(parts: readonly PropertyKey[]): string {
  let path = '';
  for (const part of parts) {
    if (typeof part === 'number') path += `[${part}]`;
    else path += path === '' ? String(part) : `.${String(part)}`;
  }
  return path === '' ? '(the dataset)' : path;
}

/** Folds an alias the way case-insensitive matching does, to find aliases two entities share. */
export function aliasKey(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase('en').replace(/\s+/g, ' ');
}

const KIND_DETAILS = ['person', 'country', 'deal', 'organization'] as const;

/**
 * Checks what a schema cannot see on one value alone: that every id a dataset
 * refers to exists, ids are unique, shared aliases are declared ambiguous,
 * kind-specific details sit on entities of that kind, and figures fit their
 * claim's kind. Returns every issue found, in document order.
 */
export function checkIntegrity(dataset: Dataset): DatasetIssue[] {
  const issues: DatasetIssue[] = [];
  const report = (path: PathPart[], message: string) => {
    issues.push({ path: formatPath(path), message });
  };

  const outletIds = uniqueIds(dataset.outlets, 'outlets', report);
  const entityIds = uniqueIds(dataset.entities, 'entities', report);
  const claimIds = uniqueIds(dataset.claims, 'claims', report);
  uniqueIds(dataset.stories, 'stories', report);

  const needOutlet = (id: string, path: PathPart[]) => {
    if (!outletIds.has(id)) report(path, `refers to outlet "${id}", which is not in outlets`);
  };
  const needEntity = (id: string, path: PathPart[], kind?: string) => {
    const target = entityIds.get(id);
    if (!target) report(path, `refers to entity "${id}", which is not in entities`);
    else if (kind && target.kind !== kind) report(path, `must refer to a ${kind}, but "${id}" is a ${target.kind}`);
  };
  const needClaim = (id: string, path: PathPart[]) => {
    if (!claimIds.has(id)) report(path, `refers to claim "${id}", which is not in claims`);
  };

  let aliasCount = 0;
  dataset.entities.forEach((entity, index) => {
    const at = (...rest: PathPart[]) => ['entities', index, ...rest];
    aliasCount += entity.aliases.length;
    if (!entity.id.startsWith(`${entity.kind}:`)) {
      report(at('id'), `must start with the entity's kind, "${entity.kind}:"`);
    }
    for (const detail of KIND_DETAILS) {
      if (entity[detail] && entity.kind !== detail) {
        report(at(detail), `"${detail}" details only belong on a ${detail}, but this entity is a ${entity.kind}`);
      }
    }
    entity.related?.forEach((id, i) => {
      if (id === entity.id) report(at('related', i), 'an entity cannot be related to itself');
      else needEntity(id, at('related', i));
    });
    entity.keyDates?.forEach((keyDate, i) => {
      keyDate.reportedBy?.forEach((id, j) => {
        needOutlet(id, at('keyDates', i, 'reportedBy', j));
      });
    });
    if (entity.person) {
      const { person } = entity;
      if (person.country) needEntity(person.country, at('person', 'country'), 'country');
      person.reportedBy?.forEach((id, i) => {
        needOutlet(id, at('person', 'reportedBy', i));
      });
      if (person.roleFrom && person.roleTo && lastDayOf(person.roleTo) < firstDayOf(person.roleFrom)) {
        report(at('person', 'roleTo'), `is before roleFrom (${person.roleFrom})`);
      }
    }
    if (entity.deal) {
      entity.deal.parties.forEach((id, i) => {
        needEntity(id, at('deal', 'parties', i));
      });
      entity.deal.statusReportedBy?.forEach((id, i) => {
        needOutlet(id, at('deal', 'statusReportedBy', i));
      });
      entity.deal.figures?.forEach((id, i) => {
        needClaim(id, at('deal', 'figures', i));
      });
    }
    if (entity.organization?.country) needEntity(entity.organization.country, at('organization', 'country'), 'country');
  });
  if (aliasCount > LIMITS.aliasesTotal) {
    report(['entities'], `has ${aliasCount} aliases in all; at most ${LIMITS.aliasesTotal} are allowed`);
  }
  checkSharedAliases(dataset.entities, report);

  dataset.claims.forEach((claim, index) => {
    const at = (...rest: PathPart[]) => ['claims', index, ...rest];
    claim.about.forEach((id, i) => {
      needEntity(id, at('about', i));
    });
    claim.versions.forEach((version, i) => {
      needOutlet(version.outlet, at('versions', i, 'outlet'));
      version.citation?.forEach((citation, j) => {
        if (citation.outlet) needOutlet(citation.outlet, at('versions', i, 'citation', j, 'outlet'));
        if (!citation.outlet && !citation.name) {
          report(at('versions', i, 'citation', j), 'needs an outlet id or a name');
        }
      });
      if (version.figure) {
        const problem = figureProblem(claim, version.figure);
        if (problem) report(at('versions', i, 'figure'), problem);
      }
    });
    const outletsSeen = new Set<string>();
    claim.versions.forEach((version, i) => {
      const key = `${version.outlet} ${version.datePublished}`;
      if (outletsSeen.has(key)) {
        report(at('versions', i), `repeats the version of ${version.outlet} dated ${version.datePublished}`);
      }
      outletsSeen.add(key);
    });
  });

  dataset.stories.forEach((story, index) => {
    const at = (...rest: PathPart[]) => ['stories', index, ...rest];
    story.about.forEach((id, i) => {
      needEntity(id, at('about', i));
    });
    story.claims.forEach((id, i) => {
      needClaim(id, at('claims', i));
    });
    story.versions.forEach((version, i) => {
      needOutlet(version.outlet, at('versions', i, 'outlet'));
    });
  });

  return issues;
}

function uniqueIds<T extends { id: string }>(
  items: readonly T[],
  field: string,
  report: (path: PathPart[], message: string) => void,
): Map<string, T> {
  const byId = new Map<string, T>();
  items.forEach((item, index) => {
    if (byId.has(item.id)) report([field, index, 'id'], `"${item.id}" is used twice; ids must be unique`);
    else byId.set(item.id, item);
  });
  return byId;
}

function checkSharedAliases(entities: readonly Entity[], report: (path: PathPart[], message: string) => void): void {
  const owners = new Map<string, Array<{ entity: number; alias: number }>>();
  entities.forEach((entity, entityIndex) => {
    const seenInEntity = new Set<string>();
    entity.aliases.forEach((alias, aliasIndex) => {
      const key = aliasKey(alias.text);
      if (seenInEntity.has(key) && !alias.caseSensitive) {
        report(
          ['entities', entityIndex, 'aliases', aliasIndex],
          `repeats the alias "${alias.text}" of the same entity`,
        );
        return;
      }
      seenInEntity.add(key);
      const list = owners.get(key) ?? [];
      list.push({ entity: entityIndex, alias: aliasIndex });
      owners.set(key, list);
    });
  });
  for (const list of owners.values()) {
    const entityIndexes = new Set(list.map((owner) => owner.entity));
    if (entityIndexes.size < 2) continue;
    for (const owner of list) {
      const entity = entities[owner.entity];
      const alias = entity?.aliases[owner.alias];
      if (!entity || !alias || alias.ambiguous) continue;
      const others = list
        .filter((other) => other.entity !== owner.entity)
        .map((other) => `"${entities[other.entity]?.id}"`)
        .join(', ');
      report(
        ['entities', owner.entity, 'aliases', owner.alias],
        `"${alias.text}" also names ${others}; mark it "ambiguous": true on every entity that uses it`,
      );
    }
  }
}

// Partial dates ("2024", "2024-07") stand for a span; compare the spans' ends, not the strings.
function firstDayOf(date: string): string {
  return `${date}-01-01`.slice(0, 10);
}

function lastDayOf(date: string): string {
  const [year, month] = date.split('-');
  if (month === undefined) return `${year}-12-31`;
  if (date.length === 10) return date;
  const days = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  return `${date}-${String(days).padStart(2, '0')}`;
}

const CURRENCY_CODE = /^[A-Z]{3}$/;

function figureProblem(claim: Claim, figure: Figure): string | undefined {
  switch (claim.figureKind) {
    case 'money':
      if (figure.value === undefined) return 'a money figure needs a value';
      if (!figure.unit || !CURRENCY_CODE.test(figure.unit)) {
        return 'a money figure needs a unit that is an ISO 4217 currency code such as "USD"';
      }
      return undefined;
    case 'count':
      // A count may be given only in words ("a significant number"): then asReported alone carries it.
      return figure.date !== undefined ? 'a count figure has no date' : undefined;
    case 'date':
      return figure.date === undefined ? 'a date figure needs a date' : undefined;
    case 'text':
      return figure.value !== undefined || figure.date !== undefined
        ? 'a text figure holds only the wording (asReported)'
        : undefined;
  }
}
