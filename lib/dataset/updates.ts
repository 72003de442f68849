import { message, type UserMessage, userMessageSchema } from '../user-message';
import { z } from '../zod';
import { type DatasetDiff, diffDatasets } from './diff';
import { checkDatasetUrl, type DownloadOptions, downloadDataset, type FetchLike, type Validators } from './download';
import type { DatasetIssue } from './integrity';
import type { Dataset } from './schema';
import type { DatasetSource, DatasetStore, KeyValueStorage, StoreState } from './store';
import { validateDataset, validateDatasetJson } from './validate';

/**
 * Updates of the active dataset from a URL or a file. Every path is the same:
 * get the text, check it (size, JSON, schema, integrity), compare it with the
 * active dataset, and only then switch through the DatasetStore, which keeps
 * the previous dataset. A failure at any step leaves the active dataset as it
 * was and comes back as a message (lib/user-message.ts) the page puts into
 * words, with the dataset's problems by path.
 *
 * Pure: storage, fetch and the permission check are passed in.
 */

export const UPDATES_KEY = 'datasets.updates';

export const SCHEDULES = ['off', 'daily', 'weekly'] as const;
export type Schedule = (typeof SCHEDULES)[number];
export const SCHEDULE_MINUTES: Record<Exclude<Schedule, 'off'>, number> = { daily: 24 * 60, weekly: 7 * 24 * 60 };

export const CHECK_OUTCOMES = ['updated', 'unchanged', 'failed', 'needs-confirmation', 'skipped', 'available'] as const;
export type CheckOutcome = (typeof CHECK_OUTCOMES)[number];

const updateStateSchema = z.strictObject({
  /** The URL the active dataset came from, how often to check it, and its HTTP validators. */
  subscription: z
    .strictObject({
      url: z.string().max(2048),
      schedule: z.enum(SCHEDULES),
      etag: z.string().max(1000).nullable(),
      lastModified: z.string().max(200).nullable(),
    })
    .nullable(),
  lastCheck: z
    .strictObject({
      at: z.string().max(40),
      url: z.string().max(2048),
      outcome: z.enum(CHECK_OUTCOMES),
      // A plain string is a message stored before the codes (English): shown as it was until the next check.
      message: z.union([
        userMessageSchema(),
        z
          .string()
          .max(10_000)
          .transform((text) => message('legacy.text', text)),
      ]),
    })
    .nullable(),
});
export type UpdateState = z.infer<typeof updateStateSchema>;
export type Subscription = NonNullable<UpdateState['subscription']>;
export type LastCheck = NonNullable<UpdateState['lastCheck']>;

export const EMPTY_UPDATE_STATE: UpdateState = { subscription: null, lastCheck: null };

/** The update state as stored; anything damaged reads as "no subscription, never checked". */
export function parseUpdateState(raw: unknown): UpdateState {
  const parsed = updateStateSchema.safeParse(raw);
  return parsed.success ? parsed.data : { subscription: null, lastCheck: null };
}

/** A dataset that passed every check, ready to preview and apply. */
export interface Candidate {
  dataset: Dataset;
  source: DatasetSource;
  validators: Validators | null;
  diff: DatasetDiff;
}

export type CheckResult =
  | { ok: true; candidate: Candidate }
  | { ok: false; error: UserMessage; issues: DatasetIssue[] };

export interface ApplyRequest {
  dataset: unknown;
  source: DatasetSource;
  validators: Validators | null;
  /** The user confirmed replacing the active dataset with an older version of it. */
  allowOlder: boolean;
}

export type ActionResult = { ok: true; message: UserMessage; state: StoreState } | { ok: false; error: UserMessage };

export interface RefreshResult {
  outcome: CheckOutcome | 'off';
  message: UserMessage;
}

export interface UpdaterDeps {
  fetch: FetchLike;
  /** Whether Crossread may read `url`'s origin (the optional host permission). */
  hasPermission: (url: URL) => Promise<boolean>;
  now?: () => Date;
  /** Timeouts and size cap for downloads (tests shorten them). */
  download?: Pick<DownloadOptions, 'timeoutMs' | 'idleTimeoutMs' | 'maxBytes'>;
}

const MAX_LISTED_ISSUES = 20;

/**
 * The sentence for a dataset from `source` that failed its checks; the issues are listed beside
 * it, in English (they are for the dataset's authors). A problem with the file as a whole (not
 * JSON, empty, too big) is the sentence itself.
 */
export function invalidDatasetMessage(issues: readonly DatasetIssue[], source: DatasetSource): UserMessage {
  const first = issues[0];
  const fromFile = source.type === 'file';
  const where = source.type === 'file' ? source.fileName : source.type === 'url' ? source.url : 'Crossread';
  if (issues.length === 1 && first?.path === '(the file)') {
    return fromFile
      ? message('dataset.unreadableFile', where, first.message)
      : message('dataset.unreadableUrl', where, first.message);
  }
  return fromFile
    ? message('dataset.invalidFile', issues.length, where)
    : message('dataset.invalidUrl', issues.length, where);
}

/** Checks dataset JSON text (a file's or a download's) and compares it with the active dataset. */
export function prepareCandidate(
  json: string,
  source: DatasetSource,
  active: Dataset,
  validators: Validators | null = null,
): CheckResult {
  const validation = validateDatasetJson(json);
  if (!validation.ok) {
    const fileLevel = validation.issues.length === 1 && validation.issues[0]?.path === '(the file)';
    return {
      ok: false,
      error: invalidDatasetMessage(validation.issues, source),
      issues: fileLevel ? [] : validation.issues.slice(0, MAX_LISTED_ISSUES),
    };
  }
  return {
    ok: true,
    candidate: { dataset: validation.dataset, source, validators, diff: diffDatasets(active, validation.dataset) },
  };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class DatasetUpdater {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly now: () => Date;

  constructor(
    private readonly storage: KeyValueStorage,
    private readonly store: DatasetStore,
    private readonly deps: UpdaterDeps,
  ) {
    this.now = deps.now ?? (() => new Date());
  }

  async readState(): Promise<UpdateState> {
    const stored = await this.storage.get([UPDATES_KEY]);
    return parseUpdateState(stored[UPDATES_KEY]);
  }

  /** Downloads and checks the dataset at `input` for a preview. Applies nothing. */
  checkUrl(input: string): Promise<CheckResult> {
    return this.exclusive(async () => {
      const checked = checkDatasetUrl(input);
      if (!checked.ok) return { ok: false, error: checked.error, issues: [] };
      const result = await this.download(checked.url, null);
      if (result.ok && result.notModified) {
        return { ok: false, error: message('download.notModifiedFresh', checked.url.host), issues: [] };
      }
      const check: CheckResult = result.ok
        ? prepareCandidate(
            result.text,
            { type: 'url', url: checked.url.href },
            (await this.store.load()).active.dataset,
            result.validators,
          )
        : { ok: false, error: result.error, issues: [] };
      await this.recordCheck(
        checked.url.href,
        check.ok ? 'available' : 'failed',
        check.ok ? message('update.available', check.candidate.dataset.version) : check.error,
      );
      return check;
    });
  }

  /** Makes a checked dataset active. It is checked again: the request may come from a stale page. */
  apply(request: ApplyRequest): Promise<ActionResult> {
    return this.exclusive(async () => {
      const validation = validateDataset(request.dataset);
      if (!validation.ok) {
        const first = validation.issues[0];
        return {
          ok: false,
          error: message('dataset.failedChecks', first?.path ?? '(the dataset)', first?.message ?? 'unknown problem'),
        };
      }
      const dataset = validation.dataset;
      const active = (await this.store.load()).active.dataset;
      const diff = diffDatasets(active, dataset);
      if (diff.sameDataset && diff.direction === 'older' && !request.allowOlder) {
        return { ok: false, error: message('dataset.older', dataset.version, active.version) };
      }
      const result = await this.store.activate(dataset, request.source);
      if (!result.ok) return { ok: false, error: result.error };
      if (request.source.type === 'url') {
        const state = await this.readState();
        await this.writeState({
          subscription: {
            url: request.source.url,
            schedule: state.subscription?.schedule ?? 'off',
            etag: request.validators?.etag ?? null,
            lastModified: request.validators?.lastModified ?? null,
          },
          lastCheck: {
            at: this.now().toISOString(),
            url: request.source.url,
            outcome: 'updated',
            message: message('update.appliedVersion', dataset.version),
          },
        });
      }
      return { ok: true, message: message('update.active', dataset.title, dataset.version), state: result.state };
    });
  }

  rollback(): Promise<ActionResult> {
    return this.exclusive(async () => {
      const result = await this.store.rollback();
      if (!result.ok) return { ok: false, error: result.error };
      const { dataset } = result.state.active;
      return { ok: true, message: message('update.rolledBack', dataset.title, dataset.version), state: result.state };
    });
  }

  restoreBundled(): Promise<ActionResult> {
    return this.exclusive(async () => {
      const result = await this.store.restoreBundled();
      if (!result.ok) return { ok: false, error: result.error };
      return { ok: true, message: message('update.bundledActive'), state: result.state };
    });
  }

  /** Sets how often the subscribed URL is checked. */
  setSchedule(schedule: Schedule): Promise<{ ok: true; state: UpdateState } | { ok: false; error: UserMessage }> {
    return this.exclusive(async () => {
      const state = await this.readState();
      if (!state.subscription) {
        return { ok: false, error: message('update.needsSubscription') };
      }
      const next = { ...state, subscription: { ...state.subscription, schedule } };
      const written = await this.writeState(next);
      return written ? { ok: true, state: next } : { ok: false, error: message('update.scheduleNotSaved') };
    });
  }

  /**
   * The scheduled check (also "check now"): downloads the subscribed URL with
   * its validators and applies it only if it passes every check and is a newer
   * version of the active dataset. An older version or a different dataset
   * waits for the user to review it.
   */
  refresh(): Promise<RefreshResult> {
    return this.exclusive(async () => {
      const state = await this.readState();
      const subscription = state.subscription;
      if (!subscription) return { outcome: 'off', message: message('refresh.noUrl') };
      const record = async (outcome: CheckOutcome, said: UserMessage): Promise<RefreshResult> => {
        await this.recordCheck(subscription.url, outcome, said);
        return { outcome, message: said };
      };
      const current = await this.store.load();
      const source = current.active.source;
      if (source.type !== 'url' || source.url !== subscription.url) {
        return record('skipped', message('refresh.skipped', subscription.url));
      }
      const checked = checkDatasetUrl(subscription.url);
      if (!checked.ok) return record('failed', checked.error);
      const result = await this.download(checked.url, subscription);
      if (!result.ok) return record('failed', result.error);
      if (result.notModified) return record('unchanged', message('refresh.notModified'));
      const check = prepareCandidate(result.text, source, current.active.dataset, result.validators);
      if (!check.ok) {
        const listed = check.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
        return record(
          'failed',
          listed
            ? message(
                'refresh.invalid',
                check.error.code === 'dataset.invalidUrl' ? check.error.params[0] : check.issues.length,
                subscription.url,
                listed,
              )
            : check.error,
        );
      }
      const { diff, dataset } = check.candidate;
      const keepValidators = async () =>
        this.writeState({
          ...(await this.readState()),
          subscription: { ...subscription, etag: result.validators.etag, lastModified: result.validators.lastModified },
        });
      if (!diff.sameDataset) {
        return record('needs-confirmation', message('refresh.otherDataset', subscription.url, dataset.title));
      }
      if (diff.direction === 'older') {
        return record(
          'needs-confirmation',
          message('refresh.older', subscription.url, dataset.version, diff.from.version),
        );
      }
      if (diff.direction === 'same') {
        await keepValidators();
        return record('unchanged', message('refresh.latest', dataset.version));
      }
      const applied = await this.store.activate(dataset, source);
      if (!applied.ok) return record('failed', applied.error);
      await keepValidators();
      return record('updated', message('refresh.updated', diff.from.version, dataset.version));
    });
  }

  private async download(url: URL, validators: Validators | null) {
    if (!(await this.deps.hasPermission(url).catch(() => false))) {
      return { ok: false as const, error: message('download.noPermission', url.host) };
    }
    return downloadDataset(url, { fetch: this.deps.fetch, validators, ...this.deps.download });
  }

  private async recordCheck(url: string, outcome: CheckOutcome, said: UserMessage): Promise<void> {
    const state = await this.readState();
    await this.writeState({ ...state, lastCheck: { at: this.now().toISOString(), url, outcome, message: said } });
  }

  private async writeState(state: UpdateState): Promise<boolean> {
    try {
      await this.storage.set({ [UPDATES_KEY]: state });
      return true;
    } catch (error) {
      console.warn(`Crossread could not save the update state: ${errorText(error)}`);
      return false;
    }
  }

  /** Runs one operation at a time, so a scheduled refresh never interleaves with the user's apply or rollback. */
  private exclusive<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.tail.then(operation, operation);
    this.tail = run.catch(() => undefined);
    return run;
  }
}
