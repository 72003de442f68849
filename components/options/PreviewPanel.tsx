import type { ChangedItem, ItemChanges, NamedItem } from '../../lib/dataset/diff';
import type { Candidate } from '../../lib/dataset/updates';
import { formatNumber, type MessageKey, t, tElements } from '../i18n';
import { formatDate, sourceLabel } from './format';

const LISTED = 30;

type ListedItem = NamedItem & Partial<Pick<ChangedItem, 'fields'>>;

type ListKey = MessageKey & `options.preview.${'added' | 'removed' | 'changed'}List`;

function ItemList({ items, testId, label }: { items: readonly ListedItem[]; testId: string; label: ListKey }) {
  if (items.length === 0) return null;
  const shown = items.slice(0, LISTED);
  return (
    <div data-testid={testId}>
      <h4>{t(label, formatNumber(items.length))}</h4>
      <ul class="options__diff-list">
        {shown.map((item) => (
          <li key={item.id} data-id={item.id}>
            {item.name}
            {item.fields && <span class="options__muted"> ({item.fields.join(', ')})</span>}
          </li>
        ))}
        {items.length > shown.length && (
          <li class="options__muted">{t('options.preview.more', items.length - shown.length)}</li>
        )}
      </ul>
    </div>
  );
}

function Changes({ changes, title, testId }: { changes: ItemChanges; title: string; testId: string }) {
  const { added, removed, changed, unchanged } = changes;
  return (
    <div class="options__diff-group" data-testid={testId}>
      <h3>
        {t('options.preview.changes', [
          title,
          t('options.preview.added', added.length),
          t('options.preview.removed', removed.length),
          t('options.preview.changed', changed.length),
          t('options.preview.unchanged', unchanged),
        ])}
      </h3>
      <ItemList items={added} testId={`${testId}-added`} label="options.preview.addedList" />
      <ItemList items={removed} testId={`${testId}-removed`} label="options.preview.removedList" />
      <ItemList items={changed} testId={`${testId}-changed`} label="options.preview.changedList" />
    </div>
  );
}

const VERSION_CHANGE = {
  newer: 'options.preview.versionNewer',
  same: 'options.preview.versionSame',
  older: 'options.preview.versionOlder',
} as const;

interface PreviewPanelProps {
  candidate: Candidate;
  busy: boolean;
  onApply: (allowOlder: boolean) => void;
  onCancel: () => void;
}

export function PreviewPanel({ candidate, busy, onApply, onCancel }: PreviewPanelProps) {
  const { diff, dataset, source } = candidate;
  const older = diff.sameDataset && diff.direction === 'older';
  return (
    <section aria-labelledby="preview-heading" class="options__panel options__preview" data-testid="preview">
      <h2 id="preview-heading">{t('options.preview.heading', dataset.title)}</h2>
      <p>
        {t('options.preview.summary', [
          sourceLabel(source),
          t('options.preview.entities', dataset.entities.length),
          t('options.preview.claims', dataset.claims.length),
          t('options.preview.stories', dataset.stories.length),
          formatDate(dataset.publishedAt),
        ])}
      </p>
      <p data-testid="version-change" data-direction={diff.direction}>
        {diff.sameDataset
          ? tElements(VERSION_CHANGE[diff.direction], [diff.from.version, <strong key="to">{diff.to.version}</strong>])
          : t('options.preview.differentDataset', [diff.to.title, diff.to.version, diff.from.title, diff.from.version])}
      </p>
      {older && (
        <p class="options__warning" role="alert" data-testid="older-warning">
          {t('options.preview.olderWarning', [diff.to.version, diff.from.version])}
        </p>
      )}
      {diff.identical && <p class="options__hint">{t('options.preview.identical')}</p>}
      <Changes changes={diff.entities} title={t('options.preview.entitiesTitle')} testId="diff-entities" />
      <Changes changes={diff.claims} title={t('options.preview.claimsTitle')} testId="diff-claims" />
      <div class="options__actions">
        {older ? (
          <button
            type="button"
            class="options__primary"
            data-testid="apply-older"
            disabled={busy}
            onClick={() => onApply(true)}
          >
            {t('options.preview.applyOlder', diff.to.version)}
          </button>
        ) : (
          <button
            type="button"
            class="options__primary"
            data-testid="apply"
            disabled={busy}
            onClick={() => onApply(false)}
          >
            {t('options.preview.apply', dataset.version)}
          </button>
        )}
        <button type="button" data-testid="cancel-preview" disabled={busy} onClick={onCancel}>
          {t('options.preview.cancel')}
        </button>
      </div>
    </section>
  );
}
