import type { ChangedItem, ItemChanges, NamedItem } from '../../lib/dataset/diff';
import type { Candidate } from '../../lib/dataset/updates';
import { formatDate, plural, sourceLabel } from './format';

const LISTED = 30;

type ListedItem = NamedItem & Partial<Pick<ChangedItem, 'fields'>>;

function ItemList({ items, testId, label }: { items: readonly ListedItem[]; testId: string; label: string }) {
  if (items.length === 0) return null;
  const shown = items.slice(0, LISTED);
  return (
    <div data-testid={testId}>
      <h4>
        {label} ({items.length})
      </h4>
      <ul class="options__diff-list">
        {shown.map((item) => (
          <li key={item.id} data-id={item.id}>
            {item.name}
            {item.fields && <span class="options__muted"> ({item.fields.join(', ')})</span>}
          </li>
        ))}
        {items.length > shown.length && <li class="options__muted">and {items.length - shown.length} more</li>}
      </ul>
    </div>
  );
}

function Changes({ changes, title, testId }: { changes: ItemChanges; title: string; testId: string }) {
  const { added, removed, changed, unchanged } = changes;
  return (
    <div class="options__diff-group" data-testid={testId}>
      <h3>
        {title}: {added.length} added, {removed.length} removed, {changed.length} changed, {unchanged} unchanged
      </h3>
      <ItemList items={added} testId={`${testId}-added`} label="Added" />
      <ItemList items={removed} testId={`${testId}-removed`} label="Removed" />
      <ItemList items={changed} testId={`${testId}-changed`} label="Changed" />
    </div>
  );
}

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
      <h2 id="preview-heading">Preview: {dataset.title}</h2>
      <p>
        {sourceLabel(source)}. It passed every check: {plural(dataset.entities.length, 'entity', 'entities')},{' '}
        {plural(dataset.claims.length, 'claim')}, {plural(dataset.stories.length, 'story', 'stories')}, published{' '}
        {formatDate(dataset.publishedAt)}.
      </p>
      <p data-testid="version-change" data-direction={diff.direction}>
        {diff.sameDataset ? (
          <>
            Version {diff.from.version} → <strong>{diff.to.version}</strong>
            {diff.direction === 'newer' && ' (newer)'}
            {diff.direction === 'same' && ' (the same version)'}
          </>
        ) : (
          <>
            A different dataset: “{diff.to.title}” {diff.to.version} would replace “{diff.from.title}”{' '}
            {diff.from.version}.
          </>
        )}
      </p>
      {older && (
        <p class="options__warning" role="alert" data-testid="older-warning">
          This is an older version ({diff.to.version}) than the one you have ({diff.from.version}). Apply it only if you
          mean to go back.
        </p>
      )}
      {diff.identical && <p class="options__hint">It is identical to the active dataset.</p>}
      <Changes changes={diff.entities} title="Entities" testId="diff-entities" />
      <Changes changes={diff.claims} title="Claims" testId="diff-claims" />
      <div class="options__actions">
        {older ? (
          <button
            type="button"
            class="options__primary"
            data-testid="apply-older"
            disabled={busy}
            onClick={() => onApply(true)}
          >
            Apply the older version {diff.to.version}
          </button>
        ) : (
          <button
            type="button"
            class="options__primary"
            data-testid="apply"
            disabled={busy}
            onClick={() => onApply(false)}
          >
            Apply {dataset.version}
          </button>
        )}
        <button type="button" data-testid="cancel-preview" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
