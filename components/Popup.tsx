import { useEffect, useRef, useState } from 'preact/hooks';
import type { PopupApi } from '../extension/popup-client';
import { defaultSettings, isSiteEnabled, type Settings } from '../lib/settings';
import type { StoryMatch } from '../lib/stories/match-stories';
import { t } from './i18n';
import { messageText } from './messages';
import { type MentionsState, type PageAccess, PopupView } from './PopupView';

/** If the tab has not reported its scan this long after being turned on, the popup asks it anyway. */
const SCAN_REPORT_WAIT_MS = 3_000;

/** Whether the settings let Crossread highlight `hostname`. */
function highlights(settings: Settings, hostname: string | undefined): boolean {
  return settings.enabled && (hostname === undefined || isSiteEnabled(settings, hostname));
}

/**
 * The popup with its state: the tab's mentions and the stored settings,
 * both followed live. A switch saves through the background at once (the
 * switch moves before the answer; a refused change moves it back and says
 * why); open tabs follow the stored settings by themselves. Choosing an
 * entity asks the tab to show it, then closes the popup.
 */
export function Popup({ api, locale }: { api: PopupApi; locale?: string }) {
  const [mentions, setMentions] = useState<MentionsState>({ status: 'loading' });
  const [settings, setSettings] = useState<Settings | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  /** True from turning the page's highlighting on until the tab reports its scan. */
  const [scanning, setScanning] = useState(false);
  /** Whether Crossread may read pages, asked only when the tab gave no answer (its content script is not there). */
  const [access, setAccess] = useState<PageAccess>('unknown');
  const [stories, setStories] = useState<StoryMatch[]>([]);
  const stored = useRef<Settings | null>(null);
  const refresh = useRef<() => void>(() => undefined);

  useEffect(() => {
    let active = true;
    let latest = 0;
    refresh.current = () => {
      const request = ++latest;
      void api.requestMentions().then((answer) => {
        // Answers can cross: only the one to the latest request counts.
        if (!active || request !== latest) return;
        setMentions(answer ? { status: 'ready', mentions: answer } : { status: 'unavailable' });
      });
    };
    const follow = (next: Settings) => {
      stored.current = next;
      setSettings(next);
    };
    refresh.current();
    api.loadSettings().then(
      (loaded) => active && stored.current === null && follow(loaded),
      // Storage failing: the switches still work from the defaults, and saving says if it fails too.
      () => active && stored.current === null && follow(defaultSettings()),
    );
    const stopSettings = api.watchSettings((next) => {
      follow(next);
      refresh.current();
    });
    const stopMentions = api.watchMentions(() => {
      setScanning(false);
      refresh.current();
    });
    return () => {
      active = false;
      stopSettings();
      stopMentions();
    };
  }, [api]);

  useEffect(() => {
    if (!scanning) return;
    const timer = setTimeout(() => {
      setScanning(false);
      refresh.current();
    }, SCAN_REPORT_WAIT_MS);
    return () => clearTimeout(timer);
  }, [scanning]);

  useEffect(() => {
    if (mentions.status !== 'unavailable') return;
    let active = true;
    api.hasPageAccess().then(
      (granted) => active && setAccess((now) => (now === 'unknown' ? (granted ? 'granted' : 'missing') : now)),
      () => undefined,
    );
    return () => {
      active = false;
    };
  }, [api, mentions.status]);

  // What the tab found decides the stories; asked again whenever the tab's answer changes.
  const found = mentions.status === 'ready' ? mentions.mentions : null;
  useEffect(() => {
    if (!found || found.total === 0) {
      setStories([]);
      return;
    }
    let active = true;
    api.matchStories(found).then(
      (matched) => active && setStories(matched),
      () => active && setStories([]),
    );
    return () => {
      active = false;
    };
  }, [api, found]);

  const hostname = mentions.status === 'ready' ? mentions.mentions.hostname : undefined;
  const save = (next: Settings) => {
    const before = stored.current ?? settings;
    if (before && !highlights(before, hostname) && highlights(next, hostname)) setScanning(true);
    setSettings(next);
    setErrors([]);
    const undo = (problems: string[]) => {
      setErrors(problems);
      setScanning(false);
      setSettings(stored.current ?? before);
    };
    api.saveSettings(next).then(
      (problems) => problems.length > 0 && undo(problems.map(messageText)),
      () => undo([t('popup.noBackground')]),
    );
  };

  return (
    <PopupView
      mentions={mentions}
      settings={settings}
      errors={errors}
      scanning={scanning}
      locale={locale}
      stories={stories}
      onSettingsChange={save}
      onReveal={(entityId) => {
        void api.revealEntity(entityId).finally(() => api.close());
      }}
      onOpenOptions={() => {
        void api.openOptions().finally(() => api.close());
      }}
      access={access}
      onRequestAccess={() => {
        api.requestPageAccess().then(
          (granted) => setAccess(granted ? 'just-granted' : 'missing'),
          () => setAccess('missing'),
        );
      }}
    />
  );
}
