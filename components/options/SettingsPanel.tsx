import { useEffect, useState } from 'preact/hooks';
import {
  CARD_TRIGGERS,
  type CardTriggerMode,
  kindSettings,
  RENDERERS,
  type Renderer,
  SETTINGS_LIMITS,
  type Settings,
  type SiteMode,
  validateSettings,
} from '../../lib/settings';
import { t, tElements } from '../i18n';
import { kindName } from '../kinds';
import { messageText } from '../messages';

const RENDERER_LABELS = {
  auto: { title: 'options.settings.renderer.auto', detail: 'options.settings.renderer.autoDetail' },
  paint: { title: 'options.settings.renderer.paint', detail: 'options.settings.renderer.paintDetail' },
  wrap: { title: 'options.settings.renderer.wrap', detail: 'options.settings.renderer.wrapDetail' },
} as const satisfies Record<Renderer, { title: string; detail: string }>;
const TRIGGER_LABELS = {
  click: 'options.settings.triggerClick',
  hover: 'options.settings.triggerHover',
} as const satisfies Record<CardTriggerMode, string>;

type Part = 'renderer' | 'kinds' | 'claims' | 'sites' | 'card';

function linesOf(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/**
 * A list of sites, one per line. The text being typed is kept as typed and
 * saved when the field is left; the stored list replaces it when it changes
 * under us (another options tab, a save's normalisation).
 */
function SiteListField(props: {
  label: string;
  testId: string;
  sites: readonly string[];
  disabled: boolean;
  onSave: (sites: string[]) => void;
}) {
  const joined = props.sites.join('\n');
  const [draft, setDraft] = useState(joined);
  useEffect(() => setDraft(joined), [joined]);
  return (
    <label>
      {props.label}
      <textarea
        data-testid={props.testId}
        rows={4}
        placeholder={'example.com\nnews.example.org'}
        value={draft}
        disabled={props.disabled}
        onInput={(event) => setDraft(event.currentTarget.value)}
        onChange={(event) => props.onSave(linesOf(event.currentTarget.value))}
      />
    </label>
  );
}

interface SettingsPanelProps {
  settings: Settings;
  /** Kinds of the active dataset, in its order; kinds only in the settings are listed after them. */
  datasetKinds: readonly string[];
  busy: boolean;
  /** Saves through the background; resolves to the problems, or an empty list when saved. */
  onSave: (settings: Settings) => Promise<string[]>;
}

export function SettingsPanel({ settings: stored, datasetKinds, busy, onSave }: SettingsPanelProps) {
  // The controls show the settings being saved at once; the stored ones replace them when storage changes.
  const [settings, setSettings] = useState(stored);
  useEffect(() => setSettings(stored), [stored]);
  const [delay, setDelay] = useState(String(settings.cardTrigger.hoverDelayMs));
  // Problems per part of the form, so fixing one part does not hide another part's unsaved problem.
  const [errorsByPart, setErrorsByPart] = useState<Partial<Record<Part, string[]>>>({});
  const errors = Object.values(errorsByPart).flat();

  // Stored settings change under us (another options tab, a save's normalisation): follow them.
  useEffect(() => setDelay(String(settings.cardTrigger.hoverDelayMs)), [settings.cardTrigger.hoverDelayMs]);

  const save = async (part: Part, next: Settings) => {
    const setErrors = (problems: string[]) => setErrorsByPart((current) => ({ ...current, [part]: problems }));
    // Checked here for an immediate answer, and again by the background before it stores anything.
    const checked = validateSettings(next);
    if (!checked.ok) {
      setErrors(checked.errors.map(messageText));
      return;
    }
    setSettings(checked.settings);
    const problems = await onSave(checked.settings);
    setErrors(problems);
    if (problems.length > 0) setSettings(stored);
  };

  const kinds = [...new Set([...datasetKinds, ...Object.keys(settings.kinds)])];
  const setKind = (kind: string, change: Partial<{ enabled: boolean; colour: string }>) =>
    save('kinds', {
      ...settings,
      kinds: { ...settings.kinds, [kind]: { ...kindSettings(settings, kind), ...change } },
    });
  const setSites = (change: Partial<Settings['sites']>) =>
    save('sites', { ...settings, sites: { ...settings.sites, ...change } });

  return (
    <section aria-labelledby="settings-heading" class="options__panel" data-testid="settings">
      <h2 id="settings-heading">{t('options.settings.heading')}</h2>
      {errors.length > 0 && (
        <div class="options__error" role="alert" data-testid="settings-errors">
          <p>{t('options.settings.notSaved')}</p>
          <ul>
            {errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        </div>
      )}
      <p class="options__hint">{t('options.settings.appliesAtOnce')}</p>

      <fieldset disabled={busy}>
        <legend>{t('options.settings.rendererLegend')}</legend>
        {RENDERERS.map((renderer) => (
          <label key={renderer} class="options__choice">
            <input
              type="radio"
              name="renderer"
              value={renderer}
              checked={settings.renderer === renderer}
              onChange={() => save('renderer', { ...settings, renderer })}
            />
            <span>
              {tElements('common.labelValue', [
                <strong key="title">{t(RENDERER_LABELS[renderer].title)}</strong>,
                t(RENDERER_LABELS[renderer].detail),
              ])}
            </span>
          </label>
        ))}
      </fieldset>

      <fieldset disabled={busy} data-testid="kind-settings">
        <legend>{t('options.settings.kindsLegend')}</legend>
        {kinds.length >= SETTINGS_LIMITS.kinds && <p class="options__hint">{t('options.settings.kindsTruncated')}</p>}
        <ul class="options__kinds">
          {kinds.slice(0, SETTINGS_LIMITS.kinds).map((kind) => {
            const current = kindSettings(settings, kind);
            return (
              <li key={kind} data-kind={kind}>
                <label class="options__choice">
                  <input
                    type="checkbox"
                    checked={current.enabled}
                    onChange={(event) => setKind(kind, { enabled: event.currentTarget.checked })}
                  />
                  <span>{kindName(kind)}</span>
                </label>
                <input
                  type="color"
                  aria-label={t('options.settings.colourFor', kindName(kind))}
                  value={current.colour}
                  onChange={(event) => setKind(kind, { colour: event.currentTarget.value })}
                />
              </li>
            );
          })}
        </ul>
        <label class="options__choice" data-testid="claims-setting">
          <input
            type="checkbox"
            checked={settings.claims}
            onChange={(event) => save('claims', { ...settings, claims: event.currentTarget.checked })}
          />
          <span>
            {tElements('common.labelValue', [
              <strong key="title">{t('options.settings.claimsTitle')}</strong>,
              t('options.settings.claimsDetail'),
            ])}
          </span>
        </label>
      </fieldset>

      <fieldset disabled={busy} data-testid="site-settings">
        <legend>{t('options.settings.sitesLegend')}</legend>
        {(['all-except-denied', 'only-allowed'] as const satisfies readonly SiteMode[]).map((mode) => (
          <label key={mode} class="options__choice">
            <input
              type="radio"
              name="site-mode"
              value={mode}
              checked={settings.sites.mode === mode}
              onChange={() => setSites({ mode })}
            />
            <span>
              {mode === 'all-except-denied' ? t('options.settings.allExceptDenied') : t('options.settings.onlyAllowed')}
            </span>
          </label>
        ))}
        <div class="options__site-lists">
          <SiteListField
            label={t('options.settings.deniedLabel')}
            testId="denied-sites"
            sites={settings.sites.denied}
            disabled={settings.sites.mode !== 'all-except-denied'}
            onSave={(denied) => setSites({ denied })}
          />
          <SiteListField
            label={t('options.settings.allowedLabel')}
            testId="allowed-sites"
            sites={settings.sites.allowed}
            disabled={settings.sites.mode !== 'only-allowed'}
            onSave={(allowed) => setSites({ allowed })}
          />
        </div>
        <p class="options__hint">{t('options.settings.sitesHint')}</p>
      </fieldset>

      <fieldset disabled={busy}>
        <legend>{t('options.settings.cardLegend')}</legend>
        {CARD_TRIGGERS.map((mode) => (
          <label key={mode} class="options__choice">
            <input
              type="radio"
              name="card-trigger"
              value={mode}
              checked={settings.cardTrigger.mode === mode}
              onChange={() => save('card', { ...settings, cardTrigger: { ...settings.cardTrigger, mode } })}
            />
            <span>{t(TRIGGER_LABELS[mode])}</span>
          </label>
        ))}
        <label class="options__choice">
          <span>{t('options.settings.hoverDelay')}</span>
          <input
            type="number"
            data-testid="hover-delay"
            min={SETTINGS_LIMITS.hoverDelayMinMs}
            max={SETTINGS_LIMITS.hoverDelayMaxMs}
            step={50}
            value={delay}
            disabled={settings.cardTrigger.mode !== 'hover'}
            onInput={(event) => setDelay(event.currentTarget.value)}
            onChange={(event) =>
              save('card', {
                ...settings,
                cardTrigger: { ...settings.cardTrigger, hoverDelayMs: Number(event.currentTarget.value) },
              })
            }
          />
          <span>{t('options.settings.milliseconds')}</span>
        </label>
      </fieldset>
    </section>
  );
}
