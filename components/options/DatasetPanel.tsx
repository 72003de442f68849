import { countEntitiesByKind, type Dataset } from '../../lib/dataset';
import type { StoredDataset, StoreState } from '../../lib/dataset/store';
import type { UpdateState } from '../../lib/dataset/updates';
import { formatNumber, type MessageKey, t } from '../i18n';
import { kindName } from '../kinds';
import { messageText } from '../messages';
import { formatDate, formatMoment, sourceLabel } from './format';

function DatasetFacts({ entry, testId }: { entry: StoredDataset; testId: string }) {
  const { dataset } = entry;
  return (
    <dl class="options__facts" data-testid={testId} data-dataset-id={dataset.id} data-version={dataset.version}>
      <dt>{t('options.dataset.title')}</dt>
      <dd>{dataset.title}</dd>
      <dt>{t('options.dataset.version')}</dt>
      <dd>{dataset.version}</dd>
      <dt>{t('options.dataset.published')}</dt>
      <dd>
        <time dateTime={dataset.publishedAt}>{formatDate(dataset.publishedAt)}</time>
      </dd>
      <dt>{t('options.dataset.source')}</dt>
      <dd>{sourceLabel(entry.source)}</dd>
      {entry.installedAt && (
        <>
          <dt>{t('options.dataset.installed')}</dt>
          <dd>
            <time dateTime={entry.installedAt}>{formatDate(entry.installedAt)}</time>
          </dd>
        </>
      )}
      <dt>{t('options.dataset.licence')}</dt>
      <dd>{dataset.licence}</dd>
      <dt>{t('options.dataset.contents')}</dt>
      <dd>
        <ul class="options__counts">
          {[...countEntitiesByKind(dataset)].map(([kind, count]) => (
            <li key={kind}>{t('common.labelValue', [kindName(kind), formatNumber(count)])}</li>
          ))}
          <li>{t('common.labelValue', [t('options.dataset.claims'), formatNumber(dataset.claims.length)])}</li>
          <li>{t('common.labelValue', [t('options.dataset.stories'), formatNumber(dataset.stories.length)])}</li>
          <li>{t('common.labelValue', [t('options.dataset.outlets'), formatNumber(dataset.outlets.length)])}</li>
        </ul>
      </dd>
    </dl>
  );
}

/** Saves the dataset as a JSON file through a temporary download link. */
export function exportDataset(dataset: Dataset, document: Document = globalThis.document): void {
  const blob = new Blob([`${JSON.stringify(dataset, null, 2)}\n`], { type: 'application/json' });
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = `${dataset.id}-${dataset.version}.json`;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the download a moment to start before the blob goes away.
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

const OUTCOME_LABELS: Record<
  NonNullable<UpdateState['lastCheck']>['outcome'],
  MessageKey & `options.outcome.${string}`
> = {
  updated: 'options.outcome.updated',
  unchanged: 'options.outcome.unchanged',
  failed: 'options.outcome.failed',
  'needs-confirmation': 'options.outcome.needsConfirmation',
  skipped: 'options.outcome.skipped',
  available: 'options.outcome.available',
};

interface DatasetPanelProps {
  state: StoreState;
  updates: UpdateState;
  busy: boolean;
  onRollback: () => void;
  onRestoreBundled: () => void;
}

export function DatasetPanel({ state, updates, busy, onRollback, onRestoreBundled }: DatasetPanelProps) {
  const { lastCheck } = updates;
  return (
    <>
      <section aria-labelledby="active-dataset-heading" class="options__panel">
        <h2 id="active-dataset-heading">{t('options.dataset.activeHeading')}</h2>
        {state.lastError && (
          <p class="options__error" role="alert" data-testid="dataset-error">
            {state.lastError.messages.map(messageText).join(' ')}
          </p>
        )}
        <DatasetFacts entry={state.active} testId="active-dataset" />
        {lastCheck && (
          <dl class="options__facts options__last-check" data-testid="last-check" data-outcome={lastCheck.outcome}>
            <dt>{t('options.dataset.lastCheck')}</dt>
            <dd>
              <time dateTime={lastCheck.at}>{formatMoment(lastCheck.at)}</time> · {t(OUTCOME_LABELS[lastCheck.outcome])}
              <br />
              <span class={lastCheck.outcome === 'failed' ? 'options__last-error' : undefined}>
                {messageText(lastCheck.message)}
              </span>
            </dd>
          </dl>
        )}
        <div class="options__actions">
          <button
            type="button"
            data-testid="export"
            disabled={busy}
            onClick={() => exportDataset(state.active.dataset)}
          >
            {t('options.dataset.export')}
          </button>
          {state.previous && (
            <button type="button" data-testid="rollback" disabled={busy} onClick={onRollback}>
              {t('options.dataset.rollback', [state.previous.dataset.title, state.previous.dataset.version])}
            </button>
          )}
          {state.active.location !== 'bundled' && (
            <button type="button" data-testid="restore-bundled" disabled={busy} onClick={onRestoreBundled}>
              {t('options.dataset.restoreBundled')}
            </button>
          )}
        </div>
      </section>
      {state.previous && (
        <section aria-labelledby="previous-dataset-heading" class="options__panel">
          <h2 id="previous-dataset-heading">{t('options.dataset.previousHeading')}</h2>
          <p class="options__hint">{t('options.dataset.previousHint')}</p>
          <DatasetFacts entry={state.previous} testId="previous-dataset" />
        </section>
      )}
    </>
  );
}
