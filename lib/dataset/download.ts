import { message, type UserMessage } from '../user-message';
import { LIMITS } from './limits';

/**
 * Downloads dataset text from an https URL, defensively: the server is not
 * trusted. The whole download has a deadline, a body that stops arriving is
 * abandoned, and the body is counted while it streams so a huge (or endless)
 * response is cut off at the size cap instead of filling memory. Every
 * failure comes back as a message a reader can act on (a code and its
 * parameters, put into words by the page: lib/user-message.ts); nothing throws.
 *
 * Pure apart from the `fetch` it is given (the background passes the real one,
 * tests a stub).
 */

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export interface DownloadOptions {
  fetch: FetchLike;
  /** Sent as If-None-Match / If-Modified-Since, so an unchanged dataset costs a 304. */
  validators?: Validators | null;
  /** The whole download, headers and body. */
  timeoutMs?: number;
  /** Longest wait for the next piece of the body. */
  idleTimeoutMs?: number;
  maxBytes?: number;
}

export type DownloadResult =
  | { ok: true; notModified: false; text: string; validators: Validators }
  | { ok: true; notModified: true; validators: Validators }
  | { ok: false; error: UserMessage };

export const DOWNLOAD_DEFAULTS = {
  timeoutMs: 30_000,
  idleTimeoutMs: 15_000,
  maxBytes: LIMITS.totalBytes,
} as const;

/** Checks an address typed by the user: https only, no credentials in it. Returns the URL or a reason. */
export function checkDatasetUrl(input: string): { ok: true; url: URL } | { ok: false; error: UserMessage } {
  const text = input.trim();
  if (text === '') return { ok: false, error: message('download.urlEmpty') };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, error: message('download.notUrl', text.slice(0, 200)) };
  }
  if (url.protocol !== 'https:') {
    return { ok: false, error: message('download.notHttps', url.protocol) };
  }
  if (url.username || url.password) {
    return { ok: false, error: message('download.urlCredentials') };
  }
  if (text.length > LIMITS.urlLength) {
    return { ok: false, error: message('download.urlTooLong', LIMITS.urlLength) };
  }
  url.hash = '';
  return { ok: true, url };
}

/** The host permission pattern that covers `url`: its scheme and host, any path. */
export function originPattern(url: URL): string {
  return `${url.protocol}//${url.hostname}/*`;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  410: 'Gone',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

function httpError(host: string, status: number): UserMessage {
  const label = `${status}${STATUS_TEXT[status] ? ` ${STATUS_TEXT[status]}` : ''}`;
  if (status === 404 || status === 410) return message('download.httpNotFound', host, label);
  if (status === 401 || status === 403) return message('download.httpForbidden', host, label);
  if (status === 429) return message('download.httpTooMany', host, label);
  if (status >= 500) return message('download.httpServer', host, label);
  return message('download.httpOther', host, label);
}

class Stop extends Error {
  constructor(readonly reason: UserMessage) {
    super(reason.code);
  }
}

/**
 * Fetches `url` and returns its body as text, or the reason it could not. Never throws.
 */
export async function downloadDataset(url: URL, options: DownloadOptions): Promise<DownloadResult> {
  const timeoutMs = options.timeoutMs ?? DOWNLOAD_DEFAULTS.timeoutMs;
  const idleTimeoutMs = options.idleTimeoutMs ?? DOWNLOAD_DEFAULTS.idleTimeoutMs;
  const maxBytes = options.maxBytes ?? DOWNLOAD_DEFAULTS.maxBytes;
  const host = url.host;
  const controller = new AbortController();
  let stopReason: UserMessage | null = null;
  // One promise that rejects when the download must stop; everything awaited races against it.
  let stop: (reason: UserMessage) => void = () => undefined;
  const stopped = new Promise<never>((_, reject) => {
    stop = (reason) => {
      stopReason ??= reason;
      controller.abort();
      reject(new Stop(stopReason));
    };
  });
  stopped.catch(() => undefined);
  const deadline = setTimeout(() => stop(message('download.timeout', host, timeoutMs)), timeoutMs);
  let idle: ReturnType<typeof setTimeout> | undefined;
  const armIdle = () => {
    clearTimeout(idle);
    idle = setTimeout(() => stop(message('download.idle', host, idleTimeoutMs)), idleTimeoutMs);
  };

  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.validators?.etag) headers['if-none-match'] = options.validators.etag;
  if (options.validators?.lastModified) headers['if-modified-since'] = options.validators.lastModified;

  try {
    armIdle();
    let response: Response;
    try {
      response = await Promise.race([
        options.fetch(url.href, {
          method: 'GET',
          headers,
          signal: controller.signal,
          // Never send the user's cookies; never let the HTTP cache answer instead of the server.
          credentials: 'omit',
          cache: 'no-store',
          redirect: 'follow',
        }),
        stopped,
      ]);
    } catch (error) {
      if (error instanceof Stop) throw error;
      const detail = error instanceof Error ? error.message : String(error);
      return { ok: false, error: message('download.unreachable', host, detail) };
    }
    const validators: Validators = {
      etag: response.headers.get('etag'),
      lastModified: response.headers.get('last-modified'),
    };
    if (response.status === 304) {
      await response.body?.cancel().catch(() => undefined);
      return { ok: true, notModified: true, validators };
    }
    if (response.redirected && response.url && !response.url.startsWith('https:')) {
      await response.body?.cancel().catch(() => undefined);
      return { ok: false, error: message('download.insecureRedirect', host) };
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return { ok: false, error: httpError(host, response.status) };
    }
    const tooLarge = message('download.tooLarge', host, maxBytes);
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      return { ok: false, error: tooLarge };
    }
    const contentType = (response.headers.get('content-type') ?? '').toLowerCase();
    if (contentType.includes('text/html') || contentType.includes('application/xhtml')) {
      await response.body?.cancel().catch(() => undefined);
      return { ok: false, error: message('download.webPage', host) };
    }

    const chunks: Uint8Array[] = [];
    let total = 0;
    if (response.body) {
      const reader = response.body.getReader();
      try {
        for (;;) {
          armIdle();
          const { done, value } = await Promise.race([reader.read(), stopped]);
          if (done) break;
          total += value.byteLength;
          if (total > maxBytes) {
            await reader.cancel().catch(() => undefined);
            return { ok: false, error: tooLarge };
          }
          chunks.push(value);
        }
      } catch (error) {
        reader.cancel().catch(() => undefined);
        if (error instanceof Stop) throw error;
        const detail = error instanceof Error ? error.message : String(error);
        return { ok: false, error: message('download.brokeOff', host, detail) };
      }
    }
    if (total === 0) return { ok: false, error: message('download.empty', host) };
    const bytes = new Uint8Array(total);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return { ok: false, error: message('download.notUtf8', host) };
    }
    if (/^\s*</.test(text)) {
      return { ok: false, error: message('download.markup', host) };
    }
    if (text.trim() === '') return { ok: false, error: message('download.empty', host) };
    return { ok: true, notModified: false, text, validators };
  } catch (error) {
    if (error instanceof Stop) return { ok: false, error: error.reason };
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: message('download.failed', host, detail) };
  } finally {
    clearTimeout(deadline);
    clearTimeout(idle);
  }
}
