import type { EntityCard } from '../../lib/card/entity-card';
import type { PageClaim } from '../../lib/claims/compare';
import { t } from '../i18n';
import { kindName } from '../kinds';
import { Claim, PageClaimSummary } from './ClaimVersions';
import { FactList } from './FactList';
import { formatPartialDate } from './format';
import { ExternalLink } from './links';

/** What the card shows: the entity's card once it has arrived, or why it has not. */
export type CardState =
  | { status: 'loading'; name: string; kind: string }
  | { status: 'unavailable'; name: string; kind: string }
  | { status: 'ready'; card: EntityCard };

export interface FactCardProps {
  state: CardState;
  /** The UI language, for dates. */
  locale: string;
  /**
   * Set when the card was opened from a figure on the page that is a claim mention: the card then shows
   * that claim, the page's figure against every outlet's version, instead of the entity's facts.
   */
  claim?: PageClaim | null;
  /** The entities the claim's sentence names (names and kinds from the page's index), each opening its own card. */
  claimAbout?: ReadonlyArray<{ id: string; name: string; kind: string }>;
  /** Which of the entity's (or the claim's) mentions on this page the card is beside; null when the page does not mention it. */
  onPage: { index: number; total: number } | null;
  /** The entity the Back button returns to, or null when there is nothing to go back to. */
  backTo: string | null;
  onBack(): void;
  onClose(): void;
  onPrevious(): void;
  onNext(): void;
  onOpenEntity(entityId: string): void;
}

const TITLE_ID = 'crossread-card-title';

/**
 * The fact card: what the dataset says about one entity, and how each outlet
 * reported it. Every fact names its outlets; a claim shows every outlet's
 * version side by side and says in words where they differ, without
 * choosing one. Rendered inside Crossread's shadow root; all text comes
 * from the dataset as text nodes (Preact never parses it as markup).
 */
export function FactCard(props: FactCardProps) {
  const { state } = props;
  if (props.claim) return <ClaimCard {...props} page={props.claim} />;
  const name = state.status === 'ready' ? state.card.name : state.name;
  const kind = state.status === 'ready' ? state.card.kind : state.kind;
  return (
    <div class="card" role="dialog" aria-labelledby={TITLE_ID} tabIndex={-1} data-entity-kind={kind}>
      <CardHeader {...props} label={kindName(kind)} labelClass={`card__kind--${kind}`} title={name} />
      <div class="card__body">
        {state.status === 'ready' && <CardIntro card={state.card} locale={props.locale} />}
        {state.status === 'loading' && <p class="card__status">{t('card.loading')}</p>}
        {state.status === 'unavailable' && <p class="card__status">{t('card.unavailable')}</p>}
        {state.status === 'ready' && <CardBody card={state.card} {...props} />}
      </div>
      <OnThisPage {...props} />
    </div>
  );
}

function CardHeader(props: FactCardProps & { label: string; labelClass: string; title: string }) {
  return (
    <header class="card__header">
      <div class="card__topline">
        {props.backTo !== null && (
          <button type="button" class="card__back" onClick={props.onBack}>
            <span aria-hidden="true">←</span> {t('card.back', props.backTo)}
          </button>
        )}
        <span class={`card__kind ${props.labelClass}`}>{props.label}</span>
        <button type="button" class="card__close" onClick={props.onClose} aria-label={t('card.close')}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <h2 id={TITLE_ID} class="card__name">
        {props.title}
      </h2>
    </header>
  );
}

/**
 * The card of a figure on the page that a dataset claim is about: the
 * claim's statement, the page's figure and wording, and every outlet's
 * version marked as giving the same figure, another one, or none. The
 * entities the claim is about open their own cards (Back returns here).
 */
function ClaimCard(props: FactCardProps & { page: PageClaim }) {
  const { state, page } = props;
  const claim = state.status === 'ready' ? state.card.claims.find((candidate) => candidate.id === page.claimId) : null;
  const about = props.claimAbout ?? [];
  return (
    <div class="card card--claim" role="dialog" aria-labelledby={TITLE_ID} tabIndex={-1} data-claim-id={page.claimId}>
      <CardHeader
        {...props}
        label={t('card.claimKind')}
        labelClass="card__kind--claim"
        title={claim?.statement ?? page.figure.asReported}
      />
      <div class="card__body">
        {state.status === 'loading' && <p class="card__status">{t('card.loading')}</p>}
        {state.status !== 'loading' && !claim && <p class="card__status">{t('card.claimUnavailable')}</p>}
        {claim && (
          <>
            <PageClaimSummary claim={claim} page={page} />
            <section class="card__section">
              <h3 class="card__heading">{t('card.versionsHeading')}</h3>
              <Claim claim={claim} locale={props.locale} page={page} />
            </section>
          </>
        )}
        <EntityChips heading={t('card.claimAbout')} entities={about} onOpenEntity={props.onOpenEntity} />
        {state.status === 'ready' && (
          <p class="card__source">{t('card.datasetSource', [state.card.dataset.title, state.card.dataset.version])}</p>
        )}
      </div>
      <OnThisPage {...props} />
    </div>
  );
}

function CardIntro({ card, locale }: { card: EntityCard; locale: string }) {
  return (
    <>
      <p class="card__summary">{card.summary}</p>
      <p class="card__asof">
        {t('card.asOf', formatPartialDate(card.asOf, locale))}
        {card.wikidataUrl && (
          <>
            {' · '}
            <ExternalLink href={card.wikidataUrl}>Wikidata</ExternalLink>
          </>
        )}
      </p>
    </>
  );
}

function CardBody(props: FactCardProps & { card: EntityCard }) {
  const { card, locale } = props;
  return (
    <>
      {card.facts.length > 0 && (
        <section class="card__section" aria-label={t('card.factsHeading')}>
          <FactList facts={card.facts} locale={locale} onOpenEntity={props.onOpenEntity} />
        </section>
      )}
      {card.claims.length > 0 && (
        <section class="card__section">
          <h3 class="card__heading">{t('card.versionsHeading')}</h3>
          {card.claims.map((claim) => (
            <Claim key={claim.id} claim={claim} locale={locale} />
          ))}
        </section>
      )}
      <EntityChips heading={t('card.relatedHeading')} entities={card.related} onOpenEntity={props.onOpenEntity} />
      <p class="card__source">{t('card.datasetSource', [card.dataset.title, card.dataset.version])}</p>
    </>
  );
}

/** Entities the card can move to (Back returns), as a headed row of chips; nothing when there are none. */
function EntityChips(props: {
  heading: string;
  entities: ReadonlyArray<{ id: string; name: string; kind: string }>;
  onOpenEntity(entityId: string): void;
}) {
  if (props.entities.length === 0) return null;
  return (
    <section class="card__section">
      <h3 class="card__heading">{props.heading}</h3>
      <ul class="card__related">
        {props.entities.map((entity) => (
          <li key={entity.id}>
            <button type="button" class="card__chip" onClick={() => props.onOpenEntity(entity.id)}>
              <span class={`card__dot card__dot--${entity.kind}`} aria-hidden="true" />
              {entity.name}
              <span class="visually-hidden"> ({kindName(entity.kind)})</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function OnThisPage(props: FactCardProps) {
  const { onPage } = props;
  if (!onPage) return <footer class="card__footer">{t('card.notOnPage')}</footer>;
  const several = onPage.total > 1;
  return (
    <footer class="card__footer">
      <span class="card__position" data-testid="card-position">
        {t(props.claim ? 'card.claimPosition' : 'card.mentionPosition', [
          String(onPage.index + 1),
          String(onPage.total),
        ])}
      </span>
      {several && (
        <span class="card__stepper">
          <button type="button" onClick={props.onPrevious}>
            <span aria-hidden="true">‹</span> {t('card.previousMention')}
          </button>
          <button type="button" onClick={props.onNext}>
            {t('card.nextMention')} <span aria-hidden="true">›</span>
          </button>
        </span>
      )}
    </footer>
  );
}
