import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, test as base, chromium, type Page, type Worker } from '@playwright/test';
import type { WxtBrowser } from 'wxt/browser';
import { chromiumPath, chromiumSandboxArgs } from '../../scripts/chromium-path.mjs';
import { serveDirectory } from '../../scripts/static-server.mjs';
import { assertFreshBuild } from './build-freshness';

// Callbacks passed to serviceWorker.evaluate() run inside the extension, where `chrome` exists.
declare const chrome: WxtBrowser;

export const extensionDir = resolve('.output/chrome-mv3');

/** Problems the page or the extension reported while a test ran. */
export interface ErrorLog {
  readonly messages: string[];
}

/**
 * How a test's browser loads the extension. Chromium cannot click an
 * extension's permission prompt in a headless test, and Playwright does not
 * drive that prompt (microsoft/playwright#32755), so a test that needs an
 * optional host permission loads a copy of the build whose manifest already
 * grants it: `permissions.request()` for a granted origin resolves true
 * without a prompt, so the extension takes its normal path.
 */
export interface ExtensionSetup {
  /** Host permissions granted at load (added to a copy of the build's manifest). */
  grantHostPermissions: string[];
  /** Extra Chromium switches, e.g. --ignore-certificate-errors for a self-signed test server. */
  args: string[];
}

interface CrossreadOptions {
  extensionSetup: ExtensionSetup;
}

/** A copy of the build whose manifest grants `hosts` at load. */
async function buildWithGrantedHosts(hosts: string[], into: string): Promise<string> {
  const dir = join(into, 'extension');
  await cp(extensionDir, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...hosts];
  await writeFile(manifestPath, JSON.stringify(manifest));
  return dir;
}

interface CrossreadFixtures {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  demoOrigin: string;
  errors: ErrorLog;
  openPopupFor: (page: Page) => Promise<Page>;
}

const BROWSER_NETWORK_NOISE =
  /^(Failed to load resource: |Manifest fetch from |Not allowed to load local resource: blob:)/;

function watchForErrors(page: Page, log: ErrorLog, label: string): void {
  page.on('pageerror', (error) => log.messages.push(`${label}: uncaught ${error.message}`));
  page.on('console', (message) => {
    // Requests the suite blocks (no network here) are logged by the browser itself, not by a script.
    if (message.type() !== 'error' || BROWSER_NETWORK_NOISE.test(message.text())) return;
    log.messages.push(`${label}: console error ${message.text()}`);
  });
}

export const test = base.extend<CrossreadFixtures & CrossreadOptions>({
  extensionSetup: [{ grantHostPermissions: [], args: [] }, { option: true }],
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring.
  errors: async ({}, use) => {
    await use({ messages: [] });
  },
  context: async ({ errors, extensionSetup }, use) => {
    assertFreshBuild(extensionDir, 'npm run test:e2e');
    const profile = await mkdtemp(join(tmpdir(), 'crossread-e2e-'));
    const copies = await mkdtemp(join(tmpdir(), 'crossread-e2e-build-'));
    const loaded =
      extensionSetup.grantHostPermissions.length > 0
        ? await buildWithGrantedHosts(extensionSetup.grantHostPermissions, copies)
        : extensionDir;
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: true,
      args: [
        ...chromiumSandboxArgs(),
        `--disable-extensions-except=${loaded}`,
        `--load-extension=${loaded}`,
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        ...extensionSetup.args,
      ],
    });
    // No network here: anything not served from 127.0.0.1 is refused at once instead of timing out.
    await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
    context.on('page', (page) => watchForErrors(page, errors, page.url() || 'page'));
    for (const page of context.pages()) watchForErrors(page, errors, 'first page');
    await use(context);
    await context.close();
    await rm(profile, { recursive: true, force: true });
    await rm(copies, { recursive: true, force: true });
  },
  serviceWorker: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(worker);
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring.
  demoOrigin: async ({}, use) => {
    const server = await serveDirectory(resolve('tests/fixtures/demo'));
    await use(server.origin);
    await server.close();
  },
  openPopupFor: async ({ context, extensionId, serviceWorker }, use) => {
    await use(async (page) => {
      // The popup describes the active tab; find the id of `page`'s tab while it is active,
      // then open the popup page in a tab of its own pointed at it.
      await page.bringToFront();
      const tabId = await serviceWorker.evaluate(async () => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return tab?.id;
      });
      if (tabId === undefined) throw new Error('no active tab found for the page');
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
      return popup;
    });
  },
});

export const expect = test.expect;
