import { useCallback, useEffect, useState } from 'preact/hooks';
import type { OptionsApi, OptionsSnapshot } from '../extension/options-client';
import { countEntitiesByKind, LIMITS } from '../lib/dataset';
import { checkDatasetUrl } from '../lib/dataset/download';
import type { DatasetIssue } from '../lib/dataset/integrity';
import { type Candidate, prepareCandidate, type Schedule } from '../lib/dataset/updates';
import type { OptionsActionResult } from '../lib/options-messages';
import type { Settings } from '../lib/settings';
import { formatNumber, t, tElements } from './i18n';
import { messageText } from './messages';
import { DatasetPanel } from './options/DatasetPanel';
import { formatMegabytes } from './options/format';
import { PreviewPanel } from './options/PreviewPanel';
import { SettingsPanel } from './options/SettingsPanel';
import { UpdatePanel } from './options/UpdatePanel';

type Notice = { kind: 'success' | 'error' | 'progress'; text: string; issues?: readonly DatasetIssue[] };

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function NoticeBox({ notice }: { notice: Notice }) {
  return (
    <div
      class={`options__notice options__notice--${notice.kind}`}
      role={notice.kind === 'error' ? 'alert' : 'status'}
      data-testid="notice"
      data-kind={notice.kind}
    >
      <p>{notice.text}</p>
      {notice.issues && notice.issues.length > 0 && (
        <ul class="options__issues" data-testid="issues">
          {notice.issues.map((issue) => (
            <li key={`${issue.path}: ${issue.message}`}>
              {tElements('common.labelValue', [<code key="path">{issue.path}</code>, issue.message])}
            </li>
          ))}
        </ul>
      )}
      {notice.kind === 'error' && <p class="options__hint">{t('options.notice.unchanged')}</p>}
    </div>
  );
}

/**
 * The options page: the active and previous dataset, updates from a URL or a
 * file with a preview before anything changes, and the highlighting settings.
 * It reads storage through `api` and asks the background for every change.
 */
export function OptionsView({ api, initial }: { api: OptionsApi; initial: OptionsSnapshot }) {
  const [snapshot, setSnapshot] = useState(initial);
  const [candidate, setCandidate] = useState<Candidate | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = useCallback(() => {
    api
      .load()
      .then(setSnapshot, (error: unknown) =>
        setNotice({ kind: 'error', text: t('options.notice.storageError', errorText(error)) }),
      );
  }, [api]);
  useEffect(() => api.watch(reload), [api, reload]);

  /** Runs one request at a time, showing progress and turning a thrown error into a notice. */
  const run = async (progress: string, task: () => Promise<Notice | null>) => {
    setBusy(true);
    setNotice({ kind: 'progress', text: progress });
    try {
      setNotice(await task());
    } catch (error) {
      setNotice({ kind: 'error', text: errorText(error) });
    } finally {
      setBusy(false);
    }
  };

  const checkUrl = (input: string) => {
    const checked = checkDatasetUrl(input);
    if (!checked.ok) {
      setNotice({ kind: 'error', text: messageText(checked.error) });
      return;
    }
    // Asked before any await: browsers grant permission prompts only inside the user's gesture.
    const permission = api.requestHostPermission(checked.url).catch((error: unknown) => {
      throw new Error(t('options.notice.permissionError', [checked.url.host, errorText(error)]));
    });
    setCandidate(null);
    void run(t('options.progress.checking', checked.url.href), async () => {
      if (!(await permission)) {
        return {
          kind: 'error',
          text: t('options.notice.permissionRefused', checked.url.host),
        };
      }
      const result = await api.send({ type: 'crossread:dataset-check-url', url: checked.url.href });
      if (!result.ok) return { kind: 'error', text: messageText(result.error), issues: result.issues };
      setCandidate(result.candidate);
      return { kind: 'success', text: t('options.notice.urlPassed') };
    });
  };

  const importFile = (file: File) => {
    setCandidate(null);
    void run(t('options.progress.checking', file.name), async () => {
      if (file.size > LIMITS.totalBytes) {
        return {
          kind: 'error',
          text: t('options.notice.fileTooLarge', [
            file.name,
            formatMegabytes(file.size),
            formatNumber(LIMITS.totalBytes / 1024 / 1024),
          ]),
        };
      }
      const text = await file.text();
      const result = prepareCandidate(
        text,
        { type: 'file', fileName: file.name.slice(0, 500) },
        snapshot.store.active.dataset,
      );
      if (!result.ok) return { kind: 'error', text: messageText(result.error), issues: result.issues };
      setCandidate(result.candidate);
      return { kind: 'success', text: t('options.notice.filePassed') };
    });
  };

  const apply = (allowOlder: boolean) => {
    if (!candidate) return;
    const { dataset, source, validators } = candidate;
    void run(t('options.progress.applying'), async () => {
      const result = await api.send({ type: 'crossread:dataset-apply', dataset, source, validators, allowOlder });
      if (!result.ok) return { kind: 'error', text: messageText(result.error) };
      setCandidate(null);
      return { kind: 'success', text: messageText(result.message) };
    });
  };

  const simple = (progress: string, request: () => Promise<OptionsActionResult>) =>
    run(progress, async () => {
      const result = await request();
      return result.ok
        ? { kind: 'success', text: messageText(result.message) }
        : { kind: 'error', text: messageText(result.error) };
    });

  const refreshNow = () =>
    run(t('options.progress.refreshing'), async () => {
      const result = await api.send({ type: 'crossread:dataset-refresh-now' });
      return { kind: result.outcome === 'failed' ? 'error' : 'success', text: messageText(result.message) };
    });

  const saveSettings = async (settings: Settings): Promise<string[]> => {
    try {
      const result = await api.send({ type: 'crossread:settings-save', settings });
      return result.ok ? [] : result.errors.map(messageText);
    } catch (error) {
      return [errorText(error)];
    }
  };

  const { store, updates, settings } = snapshot;
  return (
    <main class="options">
      <h1>{t('options.title')}</h1>
      {notice && <NoticeBox notice={notice} />}
      {candidate && (
        <PreviewPanel
          candidate={candidate}
          busy={busy}
          onApply={apply}
          onCancel={() => {
            setCandidate(null);
            setNotice(null);
          }}
        />
      )}
      <DatasetPanel
        state={store}
        updates={updates}
        busy={busy}
        onRollback={() =>
          simple(t('options.progress.rollingBack'), () => api.send({ type: 'crossread:dataset-rollback' }))
        }
        onRestoreBundled={() =>
          simple(t('options.progress.restoring'), () => api.send({ type: 'crossread:dataset-restore-bundled' }))
        }
      />
      <UpdatePanel
        updates={updates}
        busy={busy}
        onCheckUrl={checkUrl}
        onFile={importFile}
        onSchedule={(schedule: Schedule) =>
          simple(t('options.progress.savingSchedule'), () =>
            api.send({ type: 'crossread:dataset-set-schedule', schedule }),
          )
        }
        onRefreshNow={refreshNow}
      />
      <SettingsPanel
        settings={settings}
        datasetKinds={[...countEntitiesByKind(store.active.dataset).keys()]}
        busy={busy}
        onSave={saveSettings}
      />
    </main>
  );
}
