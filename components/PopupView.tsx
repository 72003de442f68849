import { kindLabel } from '../lib/kinds';
import type { PageMentions } from '../lib/messages';

export type PopupState =
  | { status: 'loading' }
  | { status: 'unavailable' }
  | { status: 'ready'; mentions: PageMentions };

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function PopupView({ state }: { state: PopupState }) {
  return (
    <main class="popup">
      <header class="popup__header">
        <h1>Crossread</h1>
      </header>
      {state.status === 'loading' && <p class="popup__status">Reading this page…</p>}
      {state.status === 'unavailable' && (
        <p class="popup__status" data-testid="popup-unavailable">
          Crossread cannot read this page. It works on web pages (http and https); if this tab was open before Crossread
          was installed, reload it.
        </p>
      )}
      {state.status === 'ready' && <MentionSummary mentions={state.mentions} />}
    </main>
  );
}

function MentionSummary({ mentions }: { mentions: PageMentions }) {
  if (mentions.siteDisabled) {
    return (
      <p class="popup__status" data-testid="site-disabled">
        Crossread is turned off on this site. Its site list is in Crossread’s options.
      </p>
    );
  }
  if (mentions.total === 0) {
    return (
      <p class="popup__status" data-testid="mention-total" data-count="0">
        No known names on this page.
      </p>
    );
  }
  return (
    <>
      <p class="popup__total" data-testid="mention-total" data-count={mentions.total}>
        <strong>{plural(mentions.total, 'mention', 'mentions')}</strong> of{' '}
        {plural(mentions.entities.length, 'entity', 'entities')} on this page
      </p>
      <ul class="popup__entities" aria-label="Entities on this page">
        {mentions.entities.map((entity) => (
          <li key={entity.entityId} data-entity-id={entity.entityId}>
            <span class={`popup__kind popup__kind--${entity.kind}`}>{kindLabel(entity.kind)}</span>
            <span class="popup__name">{entity.name}</span>
            <span class="popup__count">
              {entity.count}
              <span class="visually-hidden"> {entity.count === 1 ? 'mention' : 'mentions'}</span>
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
