import { countEntitiesByKind, type Dataset } from '../lib/dataset';
import { kindLabel } from '../lib/kinds';

function formatDate(isoDate: string): string {
  // Dates in the dataset are calendar dates; format them in UTC so no time zone shifts the day.
  return new Date(`${isoDate}T00:00:00Z`).toLocaleDateString(undefined, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });
}

export function OptionsView({ dataset }: { dataset: Dataset }) {
  const counts = [...countEntitiesByKind(dataset)];
  return (
    <main class="options">
      <h1>Crossread settings</h1>
      <section aria-labelledby="active-dataset-heading" class="options__panel">
        <h2 id="active-dataset-heading">Active dataset</h2>
        <dl class="options__facts" data-testid="active-dataset" data-dataset-id={dataset.id}>
          <dt>Title</dt>
          <dd>{dataset.title}</dd>
          <dt>Version</dt>
          <dd>{dataset.version}</dd>
          <dt>Published</dt>
          <dd>
            <time dateTime={dataset.publishedAt}>{formatDate(dataset.publishedAt)}</time>
          </dd>
          <dt>Source</dt>
          <dd>Bundled with Crossread</dd>
          <dt>Licence</dt>
          <dd>{dataset.licence}</dd>
          <dt>Entities</dt>
          <dd>
            <ul class="options__counts">
              {counts.map(([kind, count]) => (
                <li key={kind}>
                  {kindLabel(kind)}: {count}
                </li>
              ))}
            </ul>
          </dd>
        </dl>
      </section>
    </main>
  );
}
