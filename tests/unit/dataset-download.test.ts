import { describe, expect, it } from 'vitest';
import { checkDatasetUrl, downloadDataset, type FetchLike, originPattern } from '../../lib/dataset/download';
import { inWords } from './message-words';

const url = new URL('https://data.example/datasets/latest.json');

/** A body that sends `parts` and then, unless `end`, never finishes. */
function streamOf(parts: string[], end = true): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const part of parts) controller.enqueue(encoder.encode(part));
      if (end) controller.close();
    },
  });
}

const respond =
  (body: BodyInit | null, init: ResponseInit = {}): FetchLike =>
  async () =>
    new Response(body, init);

describe('checkDatasetUrl', () => {
  it('accepts https addresses and drops the fragment', () => {
    const checked = checkDatasetUrl('  https://data.example/x.json#top ');
    expect(checked.ok && checked.url.href).toBe('https://data.example/x.json');
  });

  it.each([
    ['', /Enter the address/],
    ['data.example/x.json', /not a web address/],
    ['http://data.example/x.json', /Only secure https:\/\/ addresses .* starts with http:\/\//],
    ['ftp://data.example/x.json', /Only secure https/],
    ['https://user:pw@data.example/x.json', /user name or password/],
  ])('refuses %j', (input, message) => {
    const checked = checkDatasetUrl(input);
    expect(checked.ok ? '' : inWords(checked.error)).toMatch(message);
  });

  it('asks for the origin only', () => {
    expect(originPattern(new URL('https://Data.Example:8443/a/b.json?x=1'))).toBe('https://data.example/*');
  });
});

describe('downloadDataset', () => {
  it('returns the body and the HTTP validators', async () => {
    const result = await downloadDataset(url, {
      fetch: respond('{"a":1}', {
        headers: { 'content-type': 'application/json', etag: '"v7"', 'last-modified': 'Tue, 03 Jun 2025 10:00:00 GMT' },
      }),
    });
    expect(inWords(result)).toEqual({
      ok: true,
      notModified: false,
      text: '{"a":1}',
      validators: { etag: '"v7"', lastModified: 'Tue, 03 Jun 2025 10:00:00 GMT' },
    });
  });

  it('sends the validators, no cookies, and bypasses the HTTP cache', async () => {
    let seen: RequestInit | undefined;
    const result = await downloadDataset(url, {
      fetch: async (_url, init) => {
        seen = init;
        return new Response(null, { status: 304, headers: { etag: '"v7"' } });
      },
      validators: { etag: '"v7"', lastModified: 'Tue, 03 Jun 2025 10:00:00 GMT' },
    });
    expect(result).toEqual({ ok: true, notModified: true, validators: { etag: '"v7"', lastModified: null } });
    expect(seen).toMatchObject({
      credentials: 'omit',
      cache: 'no-store',
      headers: { 'if-none-match': '"v7"', 'if-modified-since': 'Tue, 03 Jun 2025 10:00:00 GMT' },
    });
  });

  it('reassembles a body that arrives in pieces, split inside a UTF-8 character', async () => {
    const bytes = new TextEncoder().encode('{"name":"Bogotá"}');
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 15));
        controller.enqueue(bytes.slice(15));
        controller.close();
      },
    });
    const result = await downloadDataset(url, { fetch: respond(body) });
    expect(result.ok && !result.notModified && result.text).toBe('{"name":"Bogotá"}');
  });

  it('reports a network failure', async () => {
    const result = await downloadDataset(url, {
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    expect(inWords(result)).toEqual({
      ok: false,
      error:
        'Could not reach data.example (Failed to fetch). Check the address and that you are online; the active dataset is unchanged.',
    });
  });

  it('gives up on a server that never answers', async () => {
    const result = await downloadDataset(url, { fetch: () => new Promise(() => undefined), timeoutMs: 50 });
    expect(inWords(result)).toEqual({
      ok: false,
      error: 'data.example did not send the whole dataset within 50 milliseconds. Try again later.',
    });
  });

  it('abandons a body that stops arriving, and aborts the request', async () => {
    let signal: AbortSignal | undefined;
    const result = await downloadDataset(url, {
      fetch: async (_url, init) => {
        signal = init.signal ?? undefined;
        return new Response(streamOf(['{"schemaVersion":2,'], false));
      },
      idleTimeoutMs: 50,
    });
    expect(inWords(result)).toEqual({
      ok: false,
      error: 'data.example stopped sending the dataset for 50 milliseconds, so the download was abandoned.',
    });
    expect(signal?.aborted).toBe(true);
  });

  it('stops at the deadline even while a slow body keeps trickling', async () => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const trickle = new ReadableStream<Uint8Array>({
      start(controller) {
        timer = setInterval(() => controller.enqueue(new Uint8Array([32])), 10);
      },
      cancel() {
        clearInterval(timer);
      },
    });
    const result = await downloadDataset(url, { fetch: respond(trickle), timeoutMs: 120, idleTimeoutMs: 1000 });
    clearInterval(timer);
    expect(result.ok ? '' : inWords(result.error)).toMatch(/did not send the whole dataset within 120 milliseconds/);
  });

  it.each([
    [404, 'data.example answered 404 Not Found: there is no dataset at this address.'],
    [500, "data.example answered 500 Internal Server Error, a problem on the server's side. Try again later."],
    [503, "data.example answered 503 Service Unavailable, a problem on the server's side. Try again later."],
    [403, /403 Forbidden: it does not let Crossread read this address/],
    [418, 'data.example answered 418 instead of sending the dataset.'],
  ])('reports HTTP %i in plain words', async (status, message) => {
    const result = await downloadDataset(url, { fetch: respond('{"error":true}', { status }) });
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : inWords(result.error)).toMatch(message);
  });

  it('refuses a web page served with status 200', async () => {
    const html = '<!doctype html><html><body>Sign in</body></html>';
    const labelled = await downloadDataset(url, {
      fetch: respond(html, { headers: { 'content-type': 'text/html; charset=utf-8' } }),
    });
    expect(labelled.ok ? '' : inWords(labelled.error)).toMatch(/sent a web page, not a JSON dataset/);
    const unlabelled = await downloadDataset(url, {
      fetch: respond(`\n  ${html}`, { headers: { 'content-type': 'text/plain' } }),
    });
    expect(unlabelled.ok ? '' : inWords(unlabelled.error)).toMatch(/sent a web page or XML, not a JSON dataset/);
  });

  it('refuses an empty body', async () => {
    for (const body of [null, '', '  \n ']) {
      const result = await downloadDataset(url, { fetch: respond(body) });
      expect(inWords(result)).toEqual({
        ok: false,
        error: 'data.example sent an empty response instead of a dataset.',
      });
    }
  });

  it('refuses a body over the size cap, whether announced or streamed', async () => {
    const tooLarge = 'The dataset at data.example is larger than 1 kB, the most Crossread accepts.';
    const announced = await downloadDataset(url, {
      fetch: respond('x'.repeat(2000), { headers: { 'content-length': '2000' } }),
      maxBytes: 1024,
    });
    expect(inWords(announced)).toEqual({ ok: false, error: tooLarge });
    // No length announced, and a body that would never end: counting stops it at the cap.
    let pulls = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls++;
        controller.enqueue(new Uint8Array(256).fill(32));
      },
    });
    const streamed = await downloadDataset(url, { fetch: respond(endless), maxBytes: 1024 });
    expect(inWords(streamed)).toEqual({ ok: false, error: tooLarge });
    expect(pulls).toBeLessThan(10);
  });

  it('refuses text that is not UTF-8', async () => {
    const result = await downloadDataset(url, { fetch: respond(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])) });
    expect(result.ok ? '' : inWords(result.error)).toMatch(/not UTF-8 text/);
  });

  it('refuses a redirect to plain http', async () => {
    const response = new Response('{}');
    Object.defineProperty(response, 'redirected', { value: true });
    Object.defineProperty(response, 'url', { value: 'http://data.example/x.json' });
    const result = await downloadDataset(url, { fetch: async () => response });
    expect(result.ok ? '' : inWords(result.error)).toMatch(/redirected to an address that is not https/);
  });
});
