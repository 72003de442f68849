import { useState } from 'preact/hooks';
import { SCHEDULES, type Schedule, type UpdateState } from '../../lib/dataset/updates';

const SCHEDULE_LABELS: Record<Schedule, string> = {
  off: 'Never (check by hand)',
  daily: 'Every day',
  weekly: 'Every week',
};

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
      <h2 id="update-heading">Update the dataset</h2>
      <p class="options__hint">
        Nothing changes until you have seen what is new and pressed Apply. The dataset you have now is kept, so you can
        roll back.
      </p>

      <form
        class="options__url-form"
        onSubmit={(event) => {
          event.preventDefault();
          onCheckUrl(url);
        }}
      >
        <label for="dataset-url">From a URL (https only)</label>
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
            Check
          </button>
        </div>
        <p class="options__hint">
          Crossread asks for permission to read that site only, downloads the file without cookies and checks it before
          showing you a preview.
        </p>
      </form>

      {subscription && (
        <div class="options__schedule">
          <label for="dataset-schedule">Check {subscription.url} for a newer version</label>
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
                  {SCHEDULE_LABELS[schedule]}
                </option>
              ))}
            </select>
            <button type="button" data-testid="refresh-now" disabled={busy} onClick={onRefreshNow}>
              Check now
            </button>
          </div>
          <p class="options__hint">
            A scheduled check applies a newer version only if it passes every check. An older version or a different
            dataset waits for you to review it.
          </p>
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
            From a file: drop a <code>.json</code> dataset here, or <u>choose a file</u>
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
