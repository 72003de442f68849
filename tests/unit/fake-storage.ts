import type { KeyValueStorage } from '../../lib/dataset/store';

/** In-memory storage that can be told to fail its next writes, like a full or broken storage area. */
export class FakeStorage implements KeyValueStorage {
  readonly data = new Map<string, unknown>();
  failWrites: Error | null = null;

  async get(keys: string[]) {
    const found: Record<string, unknown> = {};
    // Round-trip through JSON like browser storage does, so no test shares objects with the store.
    for (const key of keys) if (this.data.has(key)) found[key] = JSON.parse(JSON.stringify(this.data.get(key)));
    return found;
  }

  async set(items: Record<string, unknown>) {
    if (this.failWrites) throw this.failWrites;
    for (const [key, value] of Object.entries(items)) this.data.set(key, JSON.parse(JSON.stringify(value)));
  }
}
