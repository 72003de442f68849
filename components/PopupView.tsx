import type { ComponentChildren } from 'preact';
import { kindLabel } from '../lib/kinds';
import { groupMentionsByKind, type KindGroup } from '../lib/mention-groups';
import type { EntityCount, PageMentions } from '../lib/messages';
import { isSiteEnabled, type Settings, withSiteEnabled } from '../lib/settings';
import type { StoryMatch } from '../lib/stories/match-stories';
import { formatNumber, t } from './i18n';
import { PopupStories } from './PopupStories';

export type MentionsState =
  | { status: 'loading' }
  | { status: 'unavailable' }
  | { status: 'ready'; mentions: PageMentions };

/** Whether Crossread may read web pages: only asked when the tab did not answer. */
export type PageAccess = 'unknown' | 'granted' | 'missing' | 'just-granted';

export interface PopupViewProps {
  mentions: MentionsState;
  /** The stored settings; null until they are read (the switches wait for them). */
  settings: Settings | null;
  /** Why the last change was not saved; empty when it was. */
  errors: readonly string[];
  /** The page's highlighting was just turned on and the tab has not reported its scan yet. */
  scanning?: boolean;
  onSettingsChange: (next: Settings) => void;
  onReveal: (entityId: string) => void;
  onOpenOptions: () => void;
  access?: PageAccess;
  /** Asks the browser to let Crossread read web pages (from a click: the browser shows a prompt). */
  onRequestAccess?: () => void;
  /** The UI language, for the order of names. */
  locale?: string;
  /** The dataset's stories the page covers, best first (empty until known, or when none). */
  stories?: readonly StoryMatch[];
}

/** The heading of a kind's group: the plural label of the four kinds Crossread knows, a dataset's own kinds as named. */
function kindHeading(kind: string): string {
  switch (kind) {
    case 'country':
      return t('popup.kind.country');
    case 'person':
      return t('popup.kind.person');
    case 'organization':
      return t('popup.kind.organization');
    case 'deal':
      return t('popup.kind.deal');
    case 'law':
      return t('popup.kind.law');
    default:
      return kindLabel(kind);
  }
}

/**
 * The toolbar popup: the switches (Crossread everywhere, and this tab's site)
 * and the entities the tab mentions, grouped by kind; choosing one shows it
 * on the page. Pure: everything comes in props, so tests render it with data.
 */
export function PopupView(props: PopupViewProps) {
  const { settings } = props;
  const globallyOff = settings !== null && !settings.enabled;
  return (
    <main class={globallyOff ? 'popup popup--off' : 'popup'} data-testid="popup">
      <header class="popup__header">
        <h1>
          <Logo />
          {t('common.appName')}
        </h1>
        {settings && (
          <Switch
            testId="global-switch"
            label={t('popup.globalSwitch')}
            hideLabel
            state={settings.enabled ? t('popup.stateOn') : t('popup.stateOff')}
            checked={settings.enabled}
            onChange={(enabled) => props.onSettingsChange({ ...settings, enabled })}
          />
        )}
      </header>
      {props.errors.length > 0 && (
        <div class="popup__error" role="alert" data-testid="popup-errors">
          <p>{t('popup.notSaved')}</p>
          <ul>
            {props.errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        </div>
      )}
      {globallyOff && (
        <p class="popup__notice" data-testid="globally-off">
          {t('popup.globallyOff')}
        </p>
      )}
      <div class="popup__body">
        <PageSection {...props} globallyOff={globallyOff} />
      </div>
      <footer class="popup__footer">
        <button type="button" class="popup__link" data-testid="open-options" onClick={props.onOpenOptions}>
          <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16">
            <path
              fill="currentColor"
              d="M6.9 1h2.2l.4 1.9c.4.1.8.3 1.1.5l1.7-1 1.5 1.5-1 1.7c.2.3.4.7.5 1.1l1.9.4v2.2l-1.9.4c-.1.4-.3.8-.5 1.1l1 1.7-1.5 1.5-1.7-1c-.3.2-.7.4-1.1.5L9.1 15H6.9l-.4-1.9c-.4-.1-.8-.3-1.1-.5l-1.7 1-1.5-1.5 1-1.7c-.2-.3-.4-.7-.5-1.1L.8 9.1V6.9l1.9-.4c.1-.4.3-.8.5-1.1l-1-1.7 1.5-1.5 1.7 1c.3-.2.7-.4 1.1-.5L6.9 1ZM8 5.6a2.4 2.4 0 1 0 0 4.8 2.4 2.4 0 0 0 0-4.8Z"
            />
          </svg>
          {t('popup.options')}
        </button>
      </footer>
    </main>
  );
}

/** What the popup says about the tab: its site switch, then its mentions or why there are none. */
function PageSection(props: PopupViewProps & { globallyOff: boolean }) {
  const { mentions, settings, globallyOff } = props;
  if (mentions.status === 'loading') return <p class="popup__status">{t('popup.loading')}</p>;
  if (mentions.status === 'unavailable') {
    if (props.access === 'missing') {
      return (
        <div class="popup__status" data-testid="popup-no-access">
          <p>{t('popup.accessMissing')}</p>
          <button type="button" class="popup__action" onClick={props.onRequestAccess}>
            {t('popup.accessRequest')}
          </button>
        </div>
      );
    }
    return (
      <p class="popup__status" data-testid="popup-unavailable">
        {props.access === 'just-granted' ? t('popup.accessGranted') : t('popup.unavailable')}
      </p>
    );
  }
  const page = mentions.mentions;
  const hostname = page.hostname;
  // The stored settings say whether the site is on; the tab's answer may lag behind a change by a moment.
  const siteOn = settings && hostname !== undefined ? isSiteEnabled(settings, hostname) : !page.siteDisabled;
  const siteSwitch = settings && hostname !== undefined && (
    <div class="popup__site">
      <Switch
        testId="site-switch"
        label={t('popup.siteSwitch')}
        detail={hostname}
        state={siteOn ? t('popup.stateOn') : t('popup.stateOff')}
        checked={siteOn}
        disabled={globallyOff}
        onChange={(enabled) => props.onSettingsChange(withSiteEnabled(settings, hostname, enabled))}
      />
    </div>
  );
  if (globallyOff) return siteSwitch || null;
  let body: ComponentChildren;
  if (!siteOn) {
    body = (
      <p class="popup__status" data-testid="site-disabled">
        {hostname !== undefined && settings ? t('popup.siteDisabled') : t('popup.siteDisabledSeeOptions')}
      </p>
    );
  } else if (page.siteDisabled || props.scanning) {
    // Just turned on: the tab is reading the page, and reports when it is done.
    body = <p class="popup__status">{t('popup.turningOn')}</p>;
  } else if (page.total === 0) {
    body = (
      <p class="popup__status" data-testid="mention-total" data-count="0">
        {t('popup.noMentions')}
      </p>
    );
  } else {
    body = (
      <>
        <PopupStories stories={props.stories ?? []} locale={props.locale ?? 'en'} />
        <MentionList mentions={page} locale={props.locale} onReveal={props.onReveal} />
      </>
    );
  }
  return (
    <>
      {siteSwitch}
      {body}
    </>
  );
}

function MentionList(props: { mentions: PageMentions; locale: string | undefined; onReveal: (id: string) => void }) {
  const { mentions, locale } = props;
  const groups = groupMentionsByKind(mentions.entities, locale);

  return (
    <>
      <p class="popup__total" data-testid="mention-total" data-count={mentions.total}>
        {t('popup.total', [t('popup.mentions', mentions.total), t('popup.entities', mentions.entities.length)])}
      </p>
      <p class="popup__hint" id="popup-hint">
        {t('popup.hint')}
      </p>
      <div class="popup__groups">
        {groups.map((group) => (
          <Group key={group.kind} group={group} onReveal={props.onReveal} />
        ))}
      </div>
    </>
  );
}

function Group({ group, onReveal }: { group: KindGroup; onReveal: (id: string) => void }) {
  const headingId = `popup-kind-${group.kind}`;
  return (
    <section class={`popup__group popup__group--${group.kind}`} aria-labelledby={headingId} data-kind={group.kind}>
      <h2 id={headingId} class="popup__kind">
        <span class="popup__swatch" aria-hidden="true" />
        <span class="popup__kind-label">{kindHeading(group.kind)}</span>
        <span class="popup__kind-total">
          <span aria-hidden="true">{formatNumber(group.total)}</span>
          <span class="visually-hidden">{t('popup.mentions', group.total)}</span>
        </span>
      </h2>
      <ul class="popup__entities">
        {group.entities.map((entity) => (
          <li key={entity.entityId}>
            <EntityButton entity={entity} onReveal={onReveal} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function EntityButton({ entity, onReveal }: { entity: EntityCount; onReveal: (id: string) => void }) {
  return (
    <button
      type="button"
      class="popup__entity"
      data-entity-id={entity.entityId}
      aria-label={t('popup.entityButton', entity.count, [entity.name, formatNumber(entity.count)])}
      aria-describedby="popup-hint"
      onClick={() => onReveal(entity.entityId)}
    >
      <span class="popup__name">{entity.name}</span>
      <span class="popup__count">{formatNumber(entity.count)}</span>
    </button>
  );
}

/** A labelled on/off switch: a button with role="switch", so Space and Enter toggle it and its state is read out. */
function Switch(props: {
  testId: string;
  label: string;
  /** The label is read out but not shown (the header's switch stands next to the name it switches). */
  hideLabel?: boolean;
  detail?: string;
  /** The visible state word ("On"); screen readers hear aria-checked instead. */
  state: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <button
      type="button"
      role="switch"
      class="switch"
      aria-checked={props.checked}
      disabled={props.disabled}
      data-testid={props.testId}
      onClick={() => props.onChange(!props.checked)}
    >
      <span class={props.hideLabel ? 'visually-hidden' : 'switch__text'}>
        <span class="switch__label">{props.label}</span>
        {props.detail && <span class="switch__detail">{props.detail}</span>}
      </span>
      <span class="switch__state" aria-hidden="true">
        {props.state}
      </span>
      <span class="switch__track" aria-hidden="true">
        <span class="switch__thumb" />
      </span>
    </button>
  );
}

/** Crossread's icon (assets/icon.svg), drawn inline: a page with a highlighted name, and a second page behind it. */
function Logo() {
  return (
    <svg class="popup__logo" viewBox="0 0 128 128" aria-hidden="true">
      <rect x="30" y="6" width="88" height="104" rx="12" fill="#8fb0ff" />
      <rect x="10" y="18" width="88" height="104" rx="12" fill="#1f4fbf" />
      <rect x="24" y="38" width="60" height="9" rx="4.5" fill="#ffffff" />
      <rect x="22" y="58" width="64" height="17" rx="5" fill="#f5b12e" />
      <rect x="28" y="62" width="52" height="9" rx="4.5" fill="#1d2330" />
      <rect x="24" y="86" width="48" height="9" rx="4.5" fill="#ffffff" />
    </svg>
  );
}
