import type { CardFact, EntityRef } from '../../lib/card/entity-card';
import { t } from '../i18n';
import { formatPartialDate, statusName } from './format';

interface FactListProps {
  facts: readonly CardFact[];
  locale: string;
  onOpenEntity(entityId: string): void;
}

/** The entity's key facts, one row each, with the outlets that report it (or "reference data"). */
export function FactList({ facts, locale, onOpenEntity }: FactListProps) {
  return (
    <dl class="facts">
      {facts.map((fact) => (
        <div class="facts__row" key={`${fact.label}|${fact.date ?? ''}|${fact.text ?? ''}`} data-fact={fact.label}>
          <dt>{fact.label === 'date' ? formatPartialDate(fact.date ?? '', locale) : factLabel(fact.label)}</dt>
          <dd>
            <FactValue fact={fact} locale={locale} onOpenEntity={onOpenEntity} />
            <span class="facts__sources">
              {fact.reportedBy.length > 0
                ? t('card.reportedBy', fact.reportedBy.map((outlet) => outlet.name).join(', '))
                : t('card.referenceData')}
            </span>
          </dd>
        </div>
      ))}
    </dl>
  );
}

function FactValue({ fact, locale, onOpenEntity }: { fact: CardFact; locale: string; onOpenEntity(id: string): void }) {
  const dates =
    fact.label !== 'date' && (fact.date || fact.dateTo)
      ? t('card.dateRange', [
          fact.date ? formatPartialDate(fact.date, locale) : '…',
          fact.dateTo ? formatPartialDate(fact.dateTo, locale) : t('card.present'),
        ])
      : null;
  return (
    <span class="facts__value">
      {fact.status && <span class={`status status--${fact.status}`}>{statusName(fact.status)}</span>}
      {fact.text && <span>{fact.text}</span>}
      {fact.entities && fact.entities.length > 0 && <EntityLinks entities={fact.entities} onOpen={onOpenEntity} />}
      {dates && <span class="facts__dates">{dates}</span>}
    </span>
  );
}

function EntityLinks({ entities, onOpen }: { entities: readonly EntityRef[]; onOpen(id: string): void }) {
  return (
    <ul class="facts__entities">
      {entities.map((entity) => (
        <li key={entity.id}>
          <button type="button" class="card__link" onClick={() => onOpen(entity.id)}>
            {entity.name}
          </button>
          {entity.status && <span class={`status status--${entity.status}`}>{statusName(entity.status)}</span>}
        </li>
      ))}
    </ul>
  );
}

function factLabel(label: Exclude<CardFact['label'], 'date'>): string {
  switch (label) {
    case 'role':
      return t('card.fact.role');
    case 'country':
      return t('card.fact.country');
    case 'parties':
      return t('card.fact.parties');
    case 'status':
      return t('card.fact.status');
    case 'deals':
      return t('card.fact.deals');
    case 'capital':
      return t('card.fact.capital');
    case 'codes':
      return t('card.fact.codes');
    case 'type':
      return t('card.fact.type');
  }
}
