import { countEntitiesByKind } from '../lib/dataset';
import type { DatasetSource, StoredDataset, StoreState } from '../lib/dataset/store';
import { kindLabel } from '../lib/kinds';

function formatDate(isoDate: string): string {
  // Dataset dates are calendar dates; format them in UTC so no time zone shifts the day.
  return new Date(`${isoDate.slice(0, 10)}T00:00:00Z`).toLocaleDateString(undefined, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });
}

function sourceLabel(source: DatasetSource): string {
  switch (source.type) {
    case 'bundled':
      return 'Bundled with Crossread';
    case 'file':
      return `Imported from the file ${source.fileName}`;
    case 'url':
      return `Downloaded from ${source.url}`;
  }
}

function DatasetFacts({ entry, testId }: { entry: StoredDataset; testId: string }) {
  const { dataset } = entry;
  return (
    <dl class="options__facts" data-testid={testId} data-dataset-id={dataset.id} data-version={dataset.version}>
      <dt>Title</dt>
      <dd>{dataset.title}</dd>
      <dt>Version</dt>
      <dd>{dataset.version}</dd>
      <dt>Published</dt>
      <dd>
        <time dateTime={dataset.publishedAt}>{formatDate(dataset.publishedAt)}</time>
      </dd>
      <dt>Source</dt>
      <dd>{sourceLabel(entry.source)}</dd>
      {entry.installedAt && (
        <>
          <dt>Installed</dt>
          <dd>
            <time dateTime={entry.installedAt}>{formatDate(entry.installedAt)}</time>
          </dd>
        </>
      )}
      <dt>Licence</dt>
      <dd>{dataset.licence}</dd>
      <dt>Contents</dt>
      <dd>
        <ul class="options__counts">
          {[...countEntitiesByKind(dataset)].map(([kind, count]) => (
            <li key={kind}>
              {kindLabel(kind)}: {count}
            </li>
          ))}
          <li>Claims: {dataset.claims.length}</li>
          <li>Stories: {dataset.stories.length}</li>
          <li>Outlets: {dataset.outlets.length}</li>
        </ul>
      </dd>
    </dl>
  );
}

export function OptionsView({ state }: { state: StoreState }) {
  return (
    <main class="options">
      <h1>Crossread settings</h1>
      <section aria-labelledby="active-dataset-heading" class="options__panel">
        <h2 id="active-dataset-heading">Active dataset</h2>
        {state.lastError && (
          <p class="options__error" role="alert" data-testid="dataset-error">
            {state.lastError.message}
          </p>
        )}
        <DatasetFacts entry={state.active} testId="active-dataset" />
      </section>
      {state.previous && (
        <section aria-labelledby="previous-dataset-heading" class="options__panel">
          <h2 id="previous-dataset-heading">Previous dataset</h2>
          <DatasetFacts entry={state.previous} testId="previous-dataset" />
        </section>
      )}
    </main>
  );
}
