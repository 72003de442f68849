import type { ComponentChildren } from 'preact';
import type { ClaimVersionView, ClaimView, EntityCard, OutletRef } from '../../lib/card/entity-card';
import { t } from '../i18n';
import { kindName } from '../kinds';
import { FactList } from './FactList';
import { formatPartialDate } from './format';

/** What the card shows: the entity's card once it has arrived, or why it has not. */
export type CardState =
  | { status: 'loading'; name: string; kind: string }
  | { status: 'unavailable'; name: string; kind: string }
  | { status: 'ready'; card: EntityCard };

export interface FactCardProps {
  state: CardState;
  /** The UI language, for dates. */
  locale: string;
  /** Which of the entity's mentions on this page the card is beside; null when the page does not mention it. */
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
  const name = state.status === 'ready' ? state.card.name : state.name;
  const kind = state.status === 'ready' ? state.card.kind : state.kind;
  return (
    <div class="card" role="dialog" aria-labelledby={TITLE_ID} tabIndex={-1} data-entity-kind={kind}>
      <header class="card__header">
        <div class="card__topline">
          {props.backTo !== null && (
            <button type="button" class="card__back" onClick={props.onBack}>
              <span aria-hidden="true">←</span> {t('card.back', props.backTo)}
            </button>
          )}
          <span class={`card__kind card__kind--${kind}`}>{kindName(kind)}</span>
          <button type="button" class="card__close" onClick={props.onClose} aria-label={t('card.close')}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
        <h2 id={TITLE_ID} class="card__name">
          {name}
        </h2>
      </header>
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
      {card.related.length > 0 && (
        <section class="card__section">
          <h3 class="card__heading">{t('card.relatedHeading')}</h3>
          <ul class="card__related">
            {card.related.map((entity) => (
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
      )}
      <p class="card__source">{t('card.datasetSource', [card.dataset.title, card.dataset.version])}</p>
    </>
  );
}

function Claim({ claim, locale }: { claim: ClaimView; locale: string }) {
  const { terms, figures } = claim.disagreement;
  return (
    <article class="claim" data-claim-id={claim.id}>
      <p class="claim__statement">{claim.statement}</p>
      {(terms.length > 1 || figures.length > 1) && (
        <ul class="claim__differences" role="note">
          {terms.length > 1 && <li>{t('card.differTerms', terms.join(t('card.versus')))}</li>}
          {figures.length > 1 && <li>{t('card.differFigures', figures.join(t('card.versus')))}</li>}
        </ul>
      )}
      <ol class="claim__versions">
        {claim.versions.map((version) => (
          // An outlet's versions of one claim differ in date, word or framing.
          <Version
            key={`${version.outlet.id}|${version.datePublished}|${version.term ?? ''}|${version.framing}`}
            version={version}
            locale={locale}
          />
        ))}
      </ol>
      {claim.withoutFigure.length > 0 && (
        <p class="claim__nofigure">{t('card.withoutFigure', outletNames(claim.withoutFigure))}</p>
      )}
    </article>
  );
}

function Version({ version, locale }: { version: ClaimVersionView; locale: string }) {
  return (
    <li class="version">
      <div class="version__head">
        <span class="version__outlet">{version.outlet.name}</span>
        <span class="version__date">{formatPartialDate(version.datePublished, locale)}</span>
        {version.term && <span class="version__term">{version.term}</span>}
        {version.figure && <span class="version__figure">{version.figure.asReported}</span>}
      </div>
      <p class="version__framing">{version.framing}</p>
      {(version.citations.length > 0 || version.url) && (
        <p class="version__meta">
          {version.citations.length > 0 &&
            t('card.citing', version.citations.map((citation) => citation.name).join(', '))}
          {version.citations.length > 0 && version.url && ' · '}
          {version.url && <ExternalLink href={version.url}>{t('card.readArticle')}</ExternalLink>}
        </p>
      )}
    </li>
  );
}

function OnThisPage(props: FactCardProps) {
  const { onPage } = props;
  if (!onPage) return <footer class="card__footer">{t('card.notOnPage')}</footer>;
  const several = onPage.total > 1;
  return (
    <footer class="card__footer">
      <span class="card__position" data-testid="card-position">
        {t('card.mentionPosition', [String(onPage.index + 1), String(onPage.total)])}
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

/** A link out of the page: https only (the dataset schema checks it; checked again here), in a new tab, without referrer or opener. */
export function ExternalLink({ href, children }: { href: string; children: ComponentChildren }) {
  if (!isHttpsUrl(href)) return <>{children}</>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

export function outletNames(outlets: readonly OutletRef[]): string {
  return outlets.map((outlet) => outlet.name).join(', ');
}
