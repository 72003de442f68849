import type { StoryMatch } from '../lib/stories/match-stories';
import { formatPartialDate } from './card/format';
import { ExternalLink, outletNames } from './card/links';
import { t } from './i18n';

/**
 * "This page covers: …": the dataset's story this page reports, how other
 * outlets told it, and the claims where this page's figure differs from
 * theirs. Each outlet's version is shown as it is; none is called right.
 */
export function PopupStories({ stories, locale }: { stories: readonly StoryMatch[]; locale: string }) {
  if (stories.length === 0) return null;
  const [main, ...also] = stories;
  if (!main) return null;
  return (
    <section class="popup__story" aria-labelledby="popup-story-heading" data-testid="story-match">
      <h2 id="popup-story-heading" class="popup__story-label">
        {t('popup.storyCovers')}
      </h2>
      <p class="popup__story-title" data-story-id={main.id}>
        {main.title} <span class="popup__story-date">{formatPartialDate(main.date, locale)}</span>
      </p>
      <details class="popup__story-versions" data-testid="story-versions">
        <summary>{t('popup.storyVersions', outletNames(main.versions.map((version) => version.outlet)))}</summary>
        <ul>
          {main.versions.map((version) => (
            <li key={`${version.outlet.id}|${version.datePublished}|${version.angle}`}>
              <span class="popup__story-outlet">{version.outlet.name}</span>{' '}
              <span class="popup__story-date">{formatPartialDate(version.datePublished, locale)}</span>
              <p class="popup__story-angle">
                {version.url ? <ExternalLink href={version.url}>{version.angle}</ExternalLink> : version.angle}
              </p>
            </li>
          ))}
        </ul>
      </details>
      {main.differences.length > 0 && (
        <div class="popup__story-differences" data-testid="story-differences">
          <h3>{t('popup.storyDifferences')}</h3>
          <ul>
            {main.differences.map((difference) => (
              <li key={`${difference.claimId}|${difference.page.asReported}`} data-claim-id={difference.claimId}>
                <p class="popup__story-statement">{difference.statement}</p>
                <p>
                  {t('popup.storyThisPage', difference.page.asReported)}
                  {difference.versions
                    .filter((version) => version.comparison === 'different')
                    .map((version) => (
                      <span key={`${version.outlet.id}|${version.figure ?? ''}|${version.term ?? ''}`}>
                        {' · '}
                        {t('popup.storyOutletFigure', [version.outlet.name, version.figure ?? ''])}
                      </span>
                    ))}
                </p>
              </li>
            ))}
          </ul>
        </div>
      )}
      {also.length > 0 && (
        <p class="popup__story-also">{t('popup.storyAlso', also.map((story) => story.title).join(' · '))}</p>
      )}
    </section>
  );
}
