import { useState } from 'preact/hooks';
import { SCHEDULES, type Schedule, type UpdateState } from '../../lib/dataset/updates';
import { t, tElements } from '../i18n';

const SCHEDULE_LABELS = {
  off: 'options.schedule.off',
  daily: 'options.schedule.daily',
  weekly: 'options.schedule.weekly',
} as const satisfies Record<Schedule, string>;

interface UpdatePanelProps {
  updates: UpdateState;
  busy: boolean;
  /** Called straight from the submit handler, so it may ask for a permission. */
  onCheckUrl: (url: string) => void;
  onFile: (file: File) => void;
  onSchedule: (schedule: Schedule) => void;
  onRefreshNow: () => void;
}

export function UpdatePanel({ updates, busy, onCheckUrl, onFile, onSchedule, onRefreshNow }: UpdatePanelProps) {
  const { subscription } = updates;
  const [url, setUrl] = useState(subscription?.url ?? '');
  const [dragging, setDragging] = useState(false);

  const takeFiles = (files: FileList | null | undefined) => {
    const file = files?.[0];
    if (file) onFile(file);
  };

  return (
    <section aria-labelledby="update-heading" class="options__panel">
      <h2 id="update-heading">{t('options.update.heading')}</h2>
      <p class="options__hint">{t('options.update.hint')}</p>

      <form
        class="options__url-form"
        onSubmit={(event) => {
          event.preventDefault();
          onCheckUrl(url);
        }}
      >
        <label for="dataset-url">{t('options.update.urlLabel')}</label>
        <div class="options__row">
          <input
            id="dataset-url"
            data-testid="dataset-url"
            type="url"
            inputMode="url"
            placeholder="https://example.org/crossread-dataset.json"
            value={url}
            onInput={(event) => setUrl(event.currentTarget.value)}
            spellcheck={false}
            autoComplete="off"
            required
          />
          <button type="submit" data-testid="check-url" disabled={busy}>
            {t('options.update.check')}
          </button>
        </div>
        <p class="options__hint">{t('options.update.urlHint')}</p>
      </form>

      {subscription && (
        <div class="options__schedule">
          <label for="dataset-schedule">{t('options.update.scheduleLabel', subscription.url)}</label>
          <div class="options__row">
            <select
              id="dataset-schedule"
              data-testid="schedule"
              value={subscription.schedule}
              disabled={busy}
              onChange={(event) => onSchedule(event.currentTarget.value as Schedule)}
            >
              {SCHEDULES.map((schedule) => (
                <option key={schedule} value={schedule}>
                  {t(SCHEDULE_LABELS[schedule])}
                </option>
              ))}
            </select>
            <button type="button" data-testid="refresh-now" disabled={busy} onClick={onRefreshNow}>
              {t('options.update.checkNow')}
            </button>
          </div>
          <p class="options__hint">{t('options.update.scheduleHint')}</p>
        </div>
      )}

      <div class="options__file">
        <label
          class={`options__drop${dragging ? ' options__drop--over' : ''}`}
          data-testid="drop-zone"
          onDragOver={(event) => {
            event.preventDefault();
            if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(event) => {
            event.preventDefault();
            setDragging(false);
            if (!busy) takeFiles(event.dataTransfer?.files);
          }}
        >
          <span>
            {tElements('options.update.fileDrop', [
              <code key="extension">.json</code>,
              <u key="choose">{t('options.update.chooseFile')}</u>,
            ])}
          </span>
          <input
            class="visually-hidden"
            data-testid="dataset-file"
            type="file"
            accept=".json,application/json"
            disabled={busy}
            onChange={(event) => {
              takeFiles(event.currentTarget.files);
              // Choosing the same file again must fire change again.
              event.currentTarget.value = '';
            }}
          />
        </label>
      </div>
    </section>
  );
}
