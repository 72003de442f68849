import type { ClaimVersionView, ClaimView } from '../../lib/card/entity-card';
import { compareFigure, type FigureComparison, type PageClaim } from '../../lib/claims/compare';
import { t } from '../i18n';
import { formatPartialDate } from './format';
import { ExternalLink, outletNames } from './links';

/**
 * One claim with every outlet's version side by side, and in words where
 * they differ. Opened from a figure on the page (`page`), each version also
 * says whether it gives the page's figure: the page is compared with every
 * outlet, and no outlet is taken as the right one.
 */
export function Claim({ claim, locale, page }: { claim: ClaimView; locale: string; page?: PageClaim }) {
  const { terms, figures } = claim.disagreement;
  return (
    <article class="claim" data-claim-id={claim.id}>
      {!page && <p class="claim__statement">{claim.statement}</p>}
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
            page={page}
          />
        ))}
      </ol>
      {claim.withoutFigure.length > 0 && (
        <p class="claim__nofigure">{t('card.withoutFigure', outletNames(claim.withoutFigure))}</p>
      )}
    </article>
  );
}

/** What the page says: its figure, its key word, and how many outlets give the same figure. */
export function PageClaimSummary({ claim, page }: { claim: ClaimView; page: PageClaim }) {
  const comparisons = claim.versions.map((version) => compareFigure(page.figure, version.figure));
  const same = comparisons.filter((comparison) => comparison === 'same').length;
  const withFigure = comparisons.filter((comparison) => comparison !== 'none').length;
  return (
    <div class="pageclaim" data-testid="page-claim">
      <p class="pageclaim__label">{t('card.onThisPage')}</p>
      <p class="pageclaim__figure">
        <q>{page.figure.asReported}</q>
        {page.terms.length > 0 && <span class="pageclaim__terms">{page.terms.join(', ')}</span>}
      </p>
      {page.figure.unrecognised && (
        <p class="pageclaim__unrecognised" role="note">
          {t('card.unrecognisedUnit', page.figure.unrecognised)}
        </p>
      )}
      <p class="pageclaim__agreement" data-testid="page-claim-agreement">
        {withFigure === 0 ? t('card.noOutletFigure') : t('card.sameFigureCount', [String(same), String(withFigure)])}
      </p>
    </div>
  );
}

const COMPARISON_TEXT: Record<FigureComparison, () => string> = {
  same: () => t('card.compareSame'),
  different: () => t('card.compareDifferent'),
  none: () => t('card.compareNone'),
};

function Version({ version, locale, page }: { version: ClaimVersionView; locale: string; page?: PageClaim }) {
  const comparison = page ? compareFigure(page.figure, version.figure) : null;
  const sameWord = page && version.term ? page.terms.includes(version.term.toLowerCase()) : false;
  return (
    <li class={comparison ? `version version--${comparison}` : 'version'} data-comparison={comparison ?? undefined}>
      <div class="version__head">
        <span class="version__outlet">{version.outlet.name}</span>
        <span class="version__date">{formatPartialDate(version.datePublished, locale)}</span>
        {version.term && (
          <span class={sameWord ? 'version__term version__term--same' : 'version__term'}>{version.term}</span>
        )}
        {version.figure && <span class="version__figure">{version.figure.asReported}</span>}
      </div>
      {comparison && (
        <p class="version__comparison">
          <span aria-hidden="true">{comparison === 'same' ? '=' : comparison === 'different' ? '≠' : '–'}</span>{' '}
          {COMPARISON_TEXT[comparison]()}
        </p>
      )}
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
