import { z } from '../zod';
import type { Dataset } from './schema';
import { validateDataset } from './validate';

/**
 * Keeps the user's datasets so that no update can leave them with nothing:
 * the bundled dataset is always there (it ships with the extension), and the
 * active and the previous dataset live in two storage slots. Switching is one
 * write of a small pointer record, so a crash or a failed write never leaves
 * a half-switched state: either the old pointer or the new one is stored.
 *
 * Pure: it talks to storage through the KeyValueStorage port, which the
 * extension backs with browser.storage.local and tests with a fake.
 */

export interface KeyValueStorage {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export const STORE_KEYS = {
  pointer: 'datasets.pointer',
  slotA: 'datasets.slot.a',
  slotB: 'datasets.slot.b',
} as const;

export type SlotName = 'a' | 'b';
export type Location = 'bundled' | SlotName;

export const datasetSourceSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('bundled') }),
  z.strictObject({ type: z.literal('file'), fileName: z.string().max(500) }),
  z.strictObject({ type: z.literal('url'), url: z.string().max(2048) }),
]);
export type DatasetSource = z.infer<typeof datasetSourceSchema>;

const storeErrorSchema = z.strictObject({ at: z.string().max(40), message: z.string().max(5000) });
export type StoreError = z.infer<typeof storeErrorSchema>;

const pointerSchema = z.strictObject({
  active: z.enum(['bundled', 'a', 'b']),
  previous: z.enum(['bundled', 'a', 'b']).nullable(),
  lastError: storeErrorSchema.nullable(),
});
type Pointer = z.infer<typeof pointerSchema>;

/** What a slot holds. The dataset inside is validated again on every read. */
const slotRecordSchema = z.strictObject({
  dataset: z.unknown(),
  source: datasetSourceSchema,
  installedAt: z.string().max(40),
});

export interface StoredDataset {
  dataset: Dataset;
  source: DatasetSource;
  installedAt: string | null;
  location: Location;
}

export interface StoreState {
  active: StoredDataset;
  previous: StoredDataset | null;
  /** The last thing that went wrong (a failed write, a corrupt copy), for the options page. */
  lastError: StoreError | null;
}

export type StoreResult = { ok: true; state: StoreState } | { ok: false; error: string; state: StoreState };

const INITIAL_POINTER: Pointer = { active: 'bundled', previous: null, lastError: null };

function slotKey(slot: SlotName): string {
  return slot === 'a' ? STORE_KEYS.slotA : STORE_KEYS.slotB;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class DatasetStore {
  constructor(
    private readonly storage: KeyValueStorage,
    /** Called only when the bundled dataset is needed: parsing it is wasted start-up work while another one is active. */
    private readonly bundled: () => Dataset,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Reads the store. A missing, corrupt or no longer valid copy is skipped for
   * the next good one (active → previous → bundled) and reported in
   * lastError, so the reader always gets a working dataset.
   */
  async load(): Promise<StoreState> {
    const pointer = await this.readPointer();
    const problems: string[] = [];
    const active = await this.readLocation(pointer.active, problems);
    const previous = pointer.previous ? await this.readLocation(pointer.previous, problems) : null;
    const lastError =
      problems.length > 0 ? { at: this.now().toISOString(), message: problems.join(' ') } : pointer.lastError;
    if (active) return { active, previous, lastError };
    return { active: previous ?? this.bundledEntry(), previous: null, lastError };
  }

  /** Stores `dataset` and makes it active; the active one becomes previous. */
  async activate(dataset: Dataset, source: DatasetSource): Promise<StoreResult> {
    const pointer = await this.readPointer();
    const target: SlotName = pointer.active === 'a' ? 'b' : 'a';
    const record = { dataset, source, installedAt: this.now().toISOString() };
    try {
      await this.storage.set({ [slotKey(target)]: record });
    } catch (error) {
      return this.fail(
        pointer,
        `Could not store the new dataset (${errorText(error)}). The active dataset is unchanged.`,
      );
    }
    return this.switchTo(pointer, { active: target, previous: pointer.active, lastError: null });
  }

  /** Makes the previous dataset active again (and the active one previous). */
  async rollback(): Promise<StoreResult> {
    const pointer = await this.readPointer();
    const state = await this.load();
    if (!pointer.previous || !state.previous) {
      return { ok: false, error: 'There is no previous dataset to go back to.', state };
    }
    return this.switchTo(pointer, { active: pointer.previous, previous: pointer.active, lastError: null });
  }

  /** Makes the bundled dataset active; the current one is kept as previous. */
  async restoreBundled(): Promise<StoreResult> {
    const pointer = await this.readPointer();
    if (pointer.active === 'bundled') return { ok: true, state: await this.load() };
    return this.switchTo(pointer, { active: 'bundled', previous: pointer.active, lastError: null });
  }

  private async switchTo(current: Pointer, next: Pointer): Promise<StoreResult> {
    try {
      await this.storage.set({ [STORE_KEYS.pointer]: next });
    } catch (error) {
      return this.fail(current, `Could not switch datasets (${errorText(error)}). The active dataset is unchanged.`);
    }
    return { ok: true, state: await this.load() };
  }

  private async fail(pointer: Pointer, message: string): Promise<StoreResult> {
    const lastError = { at: this.now().toISOString(), message };
    // Recording the error is best effort: storage may be exactly what is failing.
    await this.storage.set({ [STORE_KEYS.pointer]: { ...pointer, lastError } }).catch(() => undefined);
    const state = await this.load();
    return { ok: false, error: message, state: { ...state, lastError } };
  }

  private async readPointer(): Promise<Pointer> {
    const stored = (await this.storage.get([STORE_KEYS.pointer]))[STORE_KEYS.pointer];
    if (stored === undefined) return INITIAL_POINTER;
    const parsed = pointerSchema.safeParse(stored);
    return parsed.success ? parsed.data : INITIAL_POINTER;
  }

  private async readLocation(location: Location, problems: string[]): Promise<StoredDataset | null> {
    if (location === 'bundled') return this.bundledEntry();
    const raw = (await this.storage.get([slotKey(location)]))[slotKey(location)];
    const record = slotRecordSchema.safeParse(raw);
    if (!record.success) {
      problems.push(`The stored copy in slot ${location} is missing or damaged and was skipped.`);
      return null;
    }
    // Validation also migrates a dataset stored under an older schema version.
    const validation = validateDataset(record.data.dataset);
    if (!validation.ok) {
      const first = validation.issues[0];
      problems.push(
        `The stored dataset in slot ${location} no longer passes validation (${first ? `${first.path}: ${first.message}` : 'unknown problem'}) and was skipped.`,
      );
      return null;
    }
    return {
      dataset: validation.dataset,
      source: record.data.source,
      installedAt: record.data.installedAt,
      location,
    };
  }

  private bundledEntry(): StoredDataset {
    return { dataset: this.bundled(), source: { type: 'bundled' }, installedAt: null, location: 'bundled' };
  }
}
