import { pageIndexData } from '../page-index';
import { isUserMessage, message, type UserMessage } from '../user-message';
import { builtOnFirstUse, z } from '../zod';
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
  /** Each slot's dataset as a page index (lib/page-index.ts PageIndexData), written with the slot. */
  pageIndexA: 'datasets.page-index.a',
  pageIndexB: 'datasets.page-index.b',
} as const;

export type SlotName = 'a' | 'b';
export type Location = 'bundled' | SlotName;

/**
 * The store's zod schemas, built on first use: constructing zod objects at
 * module load would cost every content script's start-up several
 * milliseconds. The pointer, which every page reads, is checked without zod.
 */
function buildSchemas() {
  const source = z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('bundled') }),
    z.strictObject({ type: z.literal('file'), fileName: z.string().max(500) }),
    z.strictObject({ type: z.literal('url'), url: z.string().max(2048) }),
  ]);
  /** What a slot holds. The dataset inside is validated again on every read. */
  const slotRecord = z.strictObject({ dataset: z.unknown(), source, installedAt: z.string().max(40) });
  return { source, slotRecord };
}

type Schemas = ReturnType<typeof buildSchemas>;
const storeSchemas = builtOnFirstUse(buildSchemas);

/** Where a dataset came from; part of the options page's apply request too. */
export const datasetSourceSchema = (): Schemas['source'] => storeSchemas().source;
export type DatasetSource = z.infer<Schemas['source']>;

export interface StoreError {
  at: string;
  /** What went wrong, one message per problem (a failed write; each copy skipped on reading). */
  messages: UserMessage[];
}

const MAX_STORED_ERRORS = 10;

interface Pointer {
  active: Location;
  previous: Location | null;
  lastError: StoreError | null;
}

const LOCATIONS: readonly unknown[] = ['bundled', 'a', 'b'] satisfies Location[];

function isShortString(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length <= max;
}

function hasOnlyKeys(value: object, keys: readonly string[]): boolean {
  return Object.keys(value).every((key) => keys.includes(key));
}

/** The stored pointer record, or null when it is not one (checked by hand: every page reads it, see buildSchemas). */
function parsePointer(raw: unknown): Pointer | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const { active, previous, lastError } = raw as Record<string, unknown>;
  if (!hasOnlyKeys(raw, ['active', 'previous', 'lastError'])) return null;
  if (!LOCATIONS.includes(active) || !(previous === null || LOCATIONS.includes(previous))) return null;
  if (lastError !== null) {
    if (typeof lastError !== 'object' || lastError === undefined || Array.isArray(lastError)) return null;
    const { at, message, messages } = lastError as Record<string, unknown>;
    // An error recorded before messages had codes (English words): the pointer is good, the old words are dropped.
    if (hasOnlyKeys(lastError, ['at', 'message']) && isShortString(at, 40) && isShortString(message, 5000)) {
      return { active: active as Location, previous: previous as Location | null, lastError: null };
    }
    if (
      !hasOnlyKeys(lastError, ['at', 'messages']) ||
      !isShortString(at, 40) ||
      !Array.isArray(messages) ||
      messages.length > MAX_STORED_ERRORS ||
      !messages.every(isUserMessage)
    ) {
      return null;
    }
    return { active: active as Location, previous: previous as Location | null, lastError: { at, messages } };
  }
  return { active: active as Location, previous: previous as Location | null, lastError: null };
}

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

export type StoreResult = { ok: true; state: StoreState } | { ok: false; error: UserMessage; state: StoreState };

const INITIAL_POINTER: Pointer = { active: 'bundled', previous: null, lastError: null };

function slotKey(slot: SlotName): string {
  return slot === 'a' ? STORE_KEYS.slotA : STORE_KEYS.slotB;
}

function pageIndexKey(slot: SlotName): string {
  return slot === 'a' ? STORE_KEYS.pageIndexA : STORE_KEYS.pageIndexB;
}

/** The page index to store with `dataset`; null (pages compile the dataset themselves) if it cannot be made. */
function storablePageIndex(dataset: Dataset): unknown {
  try {
    return pageIndexData(dataset);
  } catch {
    return null;
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class DatasetStore {
  constructor(
    // Not named `storage`: WXT's auto-import plugin runs even with `imports: false` and takes a
    // bare `storage` for its own (wxt/utils/storage), which would pull @wxt-dev/storage and its
    // start-up work into every bundle that imports this module, the content script's included.
    private readonly area: KeyValueStorage,
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
    const problems: UserMessage[] = [];
    const active = await this.readLocation(pointer.active, problems);
    const previous = pointer.previous ? await this.readLocation(pointer.previous, problems) : null;
    const lastError = problems.length > 0 ? { at: this.now().toISOString(), messages: problems } : pointer.lastError;
    if (active) return { active, previous, lastError };
    return { active: previous ?? this.bundledEntry(), previous: null, lastError };
  }

  /** Which dataset is active, reading only the small pointer record. */
  activeLocation(): Promise<Location> {
    return readActiveLocation(this.area);
  }

  /** The dataset load() would give as active, without reading or validating the previous one unless it is needed. */
  async loadActive(): Promise<StoredDataset> {
    return (await readActiveStoredDataset(this.area)) ?? this.bundledEntry();
  }

  /** Stores `dataset` and makes it active; the active one becomes previous. */
  async activate(dataset: Dataset, source: DatasetSource): Promise<StoreResult> {
    const pointer = await this.readPointer();
    const target: SlotName = pointer.active === 'a' ? 'b' : 'a';
    const record = { dataset, source, installedAt: this.now().toISOString() };
    try {
      // One write, so a slot never holds one dataset and the page index of another.
      await this.area.set({ [slotKey(target)]: record, [pageIndexKey(target)]: storablePageIndex(dataset) }).catch(
        // The page index is a speed-up, not worth failing an update for: when the two do not fit
        // (a big dataset near the storage quota), the dataset goes alone and pages compile it.
        () => this.area.set({ [slotKey(target)]: record, [pageIndexKey(target)]: null }),
      );
    } catch (error) {
      return this.fail(pointer, message('store.writeFailed', errorText(error)));
    }
    return this.switchTo(pointer, { active: target, previous: pointer.active, lastError: null });
  }

  /** Makes the previous dataset active again (and the active one previous). */
  async rollback(): Promise<StoreResult> {
    const pointer = await this.readPointer();
    const state = await this.load();
    if (!pointer.previous || !state.previous) {
      return { ok: false, error: message('store.noPrevious'), state };
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
      await this.area.set({ [STORE_KEYS.pointer]: next });
    } catch (error) {
      return this.fail(current, message('store.switchFailed', errorText(error)));
    }
    return { ok: true, state: await this.load() };
  }

  private async fail(pointer: Pointer, error: UserMessage): Promise<StoreResult> {
    const lastError = { at: this.now().toISOString(), messages: [error] };
    // Recording the error is best effort: storage may be exactly what is failing.
    await this.area.set({ [STORE_KEYS.pointer]: { ...pointer, lastError } }).catch(() => undefined);
    const state = await this.load();
    return { ok: false, error, state: { ...state, lastError } };
  }

  private readPointer(): Promise<Pointer> {
    return readPointer(this.area);
  }

  private async readLocation(location: Location, problems: UserMessage[]): Promise<StoredDataset | null> {
    return location === 'bundled' ? this.bundledEntry() : readSlot(this.area, location, problems);
  }

  private bundledEntry(): StoredDataset {
    return { dataset: this.bundled(), source: { type: 'bundled' }, installedAt: null, location: 'bundled' };
  }
}

async function readPointer(area: KeyValueStorage): Promise<Pointer> {
  const stored = (await area.get([STORE_KEYS.pointer]))[STORE_KEYS.pointer];
  if (stored === undefined) return INITIAL_POINTER;
  return parsePointer(stored) ?? INITIAL_POINTER;
}

async function readSlot(area: KeyValueStorage, slot: SlotName, problems: UserMessage[]): Promise<StoredDataset | null> {
  const raw = (await area.get([slotKey(slot)]))[slotKey(slot)];
  const record = storeSchemas().slotRecord.safeParse(raw);
  if (!record.success) {
    problems.push(message('store.slotDamaged', slot));
    return null;
  }
  // Validation also migrates a dataset stored under an older schema version.
  const validation = validateDataset(record.data.dataset);
  if (!validation.ok) {
    const first = validation.issues[0];
    problems.push(
      message('store.slotInvalid', slot, first?.path ?? '(the dataset)', first?.message ?? 'unknown problem'),
    );
    return null;
  }
  return {
    dataset: validation.dataset,
    source: record.data.source,
    installedAt: record.data.installedAt,
    location: slot,
  };
}

/**
 * Which dataset is active, reading only the pointer. For readers that have
 * the bundled dataset in another form (the content script's page index): they
 * need not parse it, nor even import it.
 */
export async function readActiveLocation(area: KeyValueStorage): Promise<Location> {
  return (await readPointer(area)).active;
}

/**
 * What was stored as the page index of the dataset in `slot` (unchecked:
 * see pageIndexFromStoredData), or undefined.
 */
export async function readStoredPageIndexData(area: KeyValueStorage, slot: SlotName): Promise<unknown> {
  return (await area.get([pageIndexKey(slot)]))[pageIndexKey(slot)];
}

/**
 * The active dataset when it is a stored one, with DatasetStore.load()'s
 * fallback (a damaged active copy gives way to the previous one); null when
 * the bundled dataset is the one in use. Needs no bundled dataset.
 */
export async function readActiveStoredDataset(area: KeyValueStorage): Promise<StoredDataset | null> {
  const pointer = await readPointer(area);
  const problems: UserMessage[] = [];
  for (const location of [pointer.active, pointer.previous]) {
    if (location === null || location === 'bundled') return null;
    const stored = await readSlot(area, location, problems);
    if (stored) return stored;
  }
  return null;
}
