import { useEffect, useState } from 'preact/hooks';
import { kindLabel } from '../../lib/kinds';
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

const RENDERER_LABELS: Record<Renderer, { title: string; detail: string }> = {
  auto: { title: 'Automatic', detail: 'paint where the browser can, wrap where it cannot' },
  paint: { title: 'Paint', detail: 'draws over the text; never changes the page itself' },
  wrap: { title: 'Wrap', detail: 'puts each name in a <mark> element; works everywhere, changes the page’s markup' },
};
const TRIGGER_LABELS: Record<CardTriggerMode, string> = {
  click: 'When I click a highlighted name',
  hover: 'When I rest the pointer on a highlighted name',
};

type Part = 'renderer' | 'kinds' | 'sites' | 'card';

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
      setErrors(checked.errors);
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
      <h2 id="settings-heading">Highlighting</h2>
      {errors.length > 0 && (
        <div class="options__error" role="alert" data-testid="settings-errors">
          <p>These settings were not saved:</p>
          <ul>
            {errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        </div>
      )}
      <p class="options__hint">Changes apply at once to every open tab.</p>

      <fieldset disabled={busy}>
        <legend>How highlights are drawn</legend>
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
              <strong>{RENDERER_LABELS[renderer].title}</strong>: {RENDERER_LABELS[renderer].detail}
            </span>
          </label>
        ))}
      </fieldset>

      <fieldset disabled={busy} data-testid="kind-settings">
        <legend>What to highlight</legend>
        {kinds.length >= SETTINGS_LIMITS.kinds && <p class="options__hint">Only the first kinds are listed.</p>}
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
                  <span>{kindLabel(kind)}</span>
                </label>
                <input
                  type="color"
                  aria-label={`Colour for ${kindLabel(kind)}`}
                  value={current.colour}
                  onChange={(event) => setKind(kind, { colour: event.currentTarget.value })}
                />
              </li>
            );
          })}
        </ul>
      </fieldset>

      <fieldset disabled={busy} data-testid="site-settings">
        <legend>Where to highlight</legend>
        {(['all-except-denied', 'only-allowed'] as const satisfies readonly SiteMode[]).map((mode) => (
          <label key={mode} class="options__choice">
            <input
              type="radio"
              name="site-mode"
              value={mode}
              checked={settings.sites.mode === mode}
              onChange={() => setSites({ mode })}
            />
            <span>{mode === 'all-except-denied' ? 'On every site except these:' : 'Only on these sites:'}</span>
          </label>
        ))}
        <div class="options__site-lists">
          <SiteListField
            label="Never highlight on"
            testId="denied-sites"
            sites={settings.sites.denied}
            disabled={settings.sites.mode !== 'all-except-denied'}
            onSave={(denied) => setSites({ denied })}
          />
          <SiteListField
            label="Only highlight on"
            testId="allowed-sites"
            sites={settings.sites.allowed}
            disabled={settings.sites.mode !== 'only-allowed'}
            onSave={(allowed) => setSites({ allowed })}
          />
        </div>
        <p class="options__hint">
          One site per line. A site includes its subdomains: example.com covers news.example.com.
        </p>
      </fieldset>

      <fieldset disabled={busy}>
        <legend>Open the fact card</legend>
        {CARD_TRIGGERS.map((mode) => (
          <label key={mode} class="options__choice">
            <input
              type="radio"
              name="card-trigger"
              value={mode}
              checked={settings.cardTrigger.mode === mode}
              onChange={() => save('card', { ...settings, cardTrigger: { ...settings.cardTrigger, mode } })}
            />
            <span>{TRIGGER_LABELS[mode]}</span>
          </label>
        ))}
        <label class="options__choice">
          <span>Delay before a card opens on hover</span>
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
          <span>ms</span>
        </label>
      </fieldset>
    </section>
  );
}
