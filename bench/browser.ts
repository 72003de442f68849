import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from '@playwright/test';
import { chromiumPath, chromiumSandboxArgs } from '../scripts/chromium-path.mjs';

export interface BenchBrowser {
  context: BrowserContext;
  /** Requests to another host that got a response: always 0 unless the blocking below fails. */
  leakedRequests(): string[];
  close(): Promise<void>;
}

const COMMON_ARGS = [
  // There is no network here: every host but 127.0.0.1 fails to resolve, so
  // requests to other hosts fail at once instead of timing out. This is done
  // in the network stack rather than with Playwright's context.route (as
  // tests/e2e/fixtures.ts does) because routing sends every request of every
  // load through Node, which made loads of the saved pages slower (cnn: 1.0 s
  // against 0.6 s).
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
  // No image could load anyway; not even requesting them halves the huge page's load time.
  '--blink-settings=imagesEnabled=false',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  // Loads run back to back in new tabs; throttling a hidden renderer would
  // time its first frames differently from one load to the next.
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
];

/**
 * Headless Chromium for the in-page engine runs: no extension, and
 * `window.gc()` exposed so each measurement starts from a collected heap.
 */
export async function launchPlainBrowser(): Promise<BenchBrowser> {
  return launch([...COMMON_ARGS, '--js-flags=--expose-gc']);
}

/** Headless Chromium with the built extension loaded, as tests/e2e/fixtures.ts launches it. */
export async function launchExtensionBrowser(extensionDir: string): Promise<BenchBrowser> {
  return launch([...COMMON_ARGS, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]);
}

async function launch(args: string[]): Promise<BenchBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'crossread-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [...chromiumSandboxArgs(), ...args],
  });
  const leaked: string[] = [];
  context.on('requestfinished', async (request) => {
    const url = new URL(request.url());
    if (url.hostname === '127.0.0.1' || !url.protocol.startsWith('http')) return;
    // Chromium answers http:// requests to HSTS hosts itself with a 307 to https://; that reaches no server.
    const server = await (await request.response())?.serverAddr();
    if (server) leaked.push(url.href);
  });
  return {
    context,
    leakedRequests: () => [...leaked],
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** A new tab (about:blank), so a trace can start before it navigates. */
export async function newTab(context: BrowserContext, timeoutMs = 120_000): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(timeoutMs);
  return page;
}

/** Loads `url` in `page` and adds `scripts` (the engine bundle, mark.js) after its load event, in order. */
export async function load(page: Page, url: string, scripts: readonly string[] = []): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
  for (const content of scripts) await page.addScriptTag({ content });
}
