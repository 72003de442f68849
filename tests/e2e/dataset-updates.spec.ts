import { readFileSync } from 'node:fs';
import type { Page, TestInfo } from '@playwright/test';
import type { WxtBrowser } from 'wxt/browser';
import type { Dataset } from '../../lib/dataset';
import { validateDataset } from '../../lib/dataset';
import type { Settings } from '../../lib/settings';
import { expect, test } from './fixtures';
import { paintedTexts } from './highlights';
import { type HttpsServer, serveHttps } from './https-server';

declare const chrome: WxtBrowser;

// Crossread takes https dataset URLs only, so the datasets come from a local
// https server with a self-signed certificate, which this browser is told to
// trust. The manifest copy grants the server's origin at load: a headless test
// cannot click the permission prompt, and a granted origin gets no prompt.
test.use({
  extensionSetup: { grantHostPermissions: ['https://127.0.0.1/*'], args: ['--ignore-certificate-errors'] },
});

const bundled = JSON.parse(readFileSync('assets/datasets/third-country-deportations.json', 'utf8')) as Dataset;

/** The bundled dataset, version 1.1.0, plus the demo article's correspondent, whom the bundled dataset does not know. */
function updatedDataset(): Dataset {
  const dataset = structuredClone(bundled);
  dataset.version = '1.1.0';
  dataset.entities.push({
    id: 'person:amara-okafor',
    kind: 'person',
    name: 'Amara Okafor',
    summary: 'Africa correspondent (a test entity that exists only in the updated dataset).',
    asOf: '2025-06-01',
    aliases: [{ text: 'Amara Okafor', lang: 'en', caseSensitive: true }],
  });
  const checked = validateDataset(dataset);
  if (!checked.ok) throw new Error(`test dataset is invalid: ${JSON.stringify(checked.issues)}`);
  return dataset;
}

/** A dataset with two schema problems, which the checks must name by path. */
function brokenDataset(): string {
  const dataset = structuredClone(updatedDataset()) as unknown as { version: string; entities: unknown[] };
  dataset.version = '1.2.0';
  const [first, second] = dataset.entities as { aliases: unknown[]; summary: string }[];
  if (!first || !second) throw new Error('bundled dataset has too few entities');
  first.aliases = [];
  second.summary = '';
  return JSON.stringify(dataset);
}

/** A dataset whose only problem is a link to an entity it does not have (an integrity check, not the schema's). */
function danglingLinkDataset(): string {
  const dataset = structuredClone(updatedDataset());
  dataset.version = '1.2.0';
  const [first] = dataset.entities;
  if (!first) throw new Error('bundled dataset has no entities');
  first.related = ['person:nobody-at-all'];
  return JSON.stringify(dataset);
}

const serverTest = test.extend<{ datasets: HttpsServer }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring.
  datasets: async ({}, use) => {
    const server = await serveHttps();
    await use(server);
    await server.close();
  },
});

async function openOptions(page: Page, extensionId: string): Promise<void> {
  await page.setViewportSize({ width: 900, height: 1100 });
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByTestId('active-dataset')).toBeVisible();
}

/** Options-page screenshots go to docs/screenshots/ only when the docs are being refreshed. */
async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = process.env.CROSSREAD_UPDATE_DOCS ? `docs/screenshots/${name}.png` : testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

serverTest(
  'a dataset from a URL: preview, apply, new entity highlighted in an open tab, ETag sent on the next check, rollback',
  async ({ context, extensionId, demoOrigin, datasets, serviceWorker, errors }, testInfo) => {
    const article = await context.newPage();
    await article.goto(`${demoOrigin}/us-rwanda-talks.html`);
    await expect.poll(() => paintedTexts(article)).toContain('Nduhungirehe');
    expect(await paintedTexts(article)).not.toContain('Amara Okafor');

    datasets.routes.set('/missing.json', { status: 404, body: 'Not found' });
    datasets.routes.set('/page.json', { headers: { 'content-type': 'text/html' }, body: '<!doctype html><p>Hi</p>' });
    datasets.routes.set('/crossread.json', { body: JSON.stringify(updatedDataset()), headers: { etag: '"v1.1.0"' } });

    const options = await context.newPage();
    await openOptions(options, extensionId);
    const urlField = options.getByTestId('dataset-url');
    const notice = options.getByTestId('notice');

    // Failures are explained and change nothing.
    await urlField.fill(`http://127.0.0.1:1/crossread.json`);
    await options.getByTestId('check-url').click();
    await expect(notice).toContainText('Only secure https:// addresses can be used');
    for (const [path, message] of [
      ['/missing.json', 'answered 404 Not Found: there is no dataset at this address'],
      ['/page.json', 'sent a web page, not a JSON dataset'],
    ] as const) {
      await urlField.fill(`${datasets.origin}${path}`);
      await options.getByTestId('check-url').click();
      await expect(notice).toHaveAttribute('data-kind', 'error');
      await expect(notice).toContainText(message);
      await expect(notice).toContainText('The active dataset is unchanged.');
    }
    await expect(options.getByTestId('last-check')).toHaveAttribute('data-outcome', 'failed');
    await expect(options.getByTestId('active-dataset')).toHaveAttribute('data-version', '1.0.0');

    // The good dataset: a preview first, nothing applied yet.
    await urlField.fill(`${datasets.origin}/crossread.json`);
    await options.getByTestId('check-url').click();
    const preview = options.getByTestId('preview');
    await expect(preview).toBeVisible();
    await expect(options.getByTestId('version-change')).toHaveAttribute('data-direction', 'newer');
    await expect(options.getByTestId('version-change')).toContainText('1.0.0 → 1.1.0');
    await expect(options.getByTestId('diff-entities-added')).toContainText('Amara Okafor');
    await expect(options.getByTestId('diff-entities')).toContainText('1 added, 0 removed, 0 changed');
    await screenshot(options, testInfo, 'options-url-preview');
    expect(await paintedTexts(article)).not.toContain('Amara Okafor');

    await options.getByTestId('apply').click();
    await expect(notice).toContainText('1.1.0 is now active');
    await expect(preview).toHaveCount(0);
    await expect(options.getByTestId('active-dataset')).toHaveAttribute('data-version', '1.1.0');
    await expect(options.getByTestId('active-dataset')).toContainText(
      `Downloaded from ${datasets.origin}/crossread.json`,
    );
    await expect(options.getByTestId('previous-dataset')).toContainText('Bundled with Crossread');

    // The open tab re-highlights with the new dataset: the correspondent exists only there.
    await expect.poll(() => paintedTexts(article)).toContain('Amara Okafor');

    // The next check sends the stored ETag; the server answers 304 and nothing changes.
    datasets.routes.set('/crossread.json', { status: 304, headers: { etag: '"v1.1.0"' } });
    await options.getByTestId('schedule').selectOption('daily');
    await expect(notice).toContainText('checked daily');
    expect(
      await serviceWorker.evaluate(async () => (await chrome.alarms.getAll()).map((a) => a.periodInMinutes)),
    ).toEqual([1440]);
    await options.getByTestId('refresh-now').click();
    await expect(notice).toContainText('has not changed since the last check');
    expect(datasets.requests.at(-1)?.headers['if-none-match']).toBe('"v1.1.0"');
    expect(datasets.requests.at(-1)?.headers.cookie).toBeUndefined();
    await screenshot(options, testInfo, 'options-dataset');

    // Roll back: the bundled dataset again, and the tab forgets the correspondent.
    await options.getByTestId('rollback').click();
    await expect(notice).toContainText('Back to Third-country deportation deals');
    await expect(options.getByTestId('active-dataset')).toHaveAttribute('data-version', '1.0.0');
    await expect.poll(() => paintedTexts(article)).not.toContain('Amara Okafor');
    expect(await paintedTexts(article)).toContain('Nduhungirehe');

    expect(errors.messages).toEqual([]);
  },
);

test('a dataset from a file: import with preview, a bad file shows its errors and the old dataset stays', async ({
  context,
  extensionId,
  demoOrigin,
  errors,
}, testInfo) => {
  const article = await context.newPage();
  await article.goto(`${demoOrigin}/us-rwanda-talks.html`);
  await expect.poll(() => paintedTexts(article)).toContain('Nduhungirehe');

  const options = await context.newPage();
  await openOptions(options, extensionId);
  const fileInput = options.getByTestId('dataset-file');
  const notice = options.getByTestId('notice');

  await fileInput.setInputFiles({
    name: 'crossread-1.1.0.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(updatedDataset())),
  });
  await expect(options.getByTestId('preview')).toContainText('Imported from the file crossread-1.1.0.json');
  await expect(options.getByTestId('diff-entities-added')).toContainText('Amara Okafor');
  await options.getByTestId('apply').click();
  await expect(options.getByTestId('active-dataset')).toHaveAttribute('data-version', '1.1.0');
  await expect.poll(() => paintedTexts(article)).toContain('Amara Okafor');

  // A broken file: every problem listed by path, nothing applied, the imported dataset still highlights.
  await fileInput.setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(brokenDataset()),
  });
  await expect(notice).toHaveAttribute('data-kind', 'error');
  await expect(notice).toContainText('The dataset from the file broken.json has 2 problems, so it cannot be used');
  const issues = options.getByTestId('issues');
  await expect(issues).toContainText('entities[0].aliases: needs at least one alias');
  await expect(issues).toContainText('entities[1].summary: must not be empty');
  await expect(options.getByTestId('preview')).toHaveCount(0);
  await screenshot(options, testInfo, 'options-file-errors');

  // Dropped on the page rather than chosen: the same checks.
  const dropped = await options.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'dangling.json', { type: 'application/json' }));
    return transfer;
  }, danglingLinkDataset());
  await options.getByTestId('drop-zone').dispatchEvent('dragover', { dataTransfer: dropped });
  await options.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: dropped });
  await expect(notice).toContainText('The dataset from the file dangling.json has a problem');
  await expect(issues).toContainText('entities[0].related[0]');
  await expect(issues).toContainText('person:nobody-at-all');

  // A truncated file is named as such.
  await fileInput.setInputFiles({
    name: 'cut.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(updatedDataset()).slice(0, 5000)),
  });
  await expect(notice).toContainText('stops part-way through');

  await expect(options.getByTestId('active-dataset')).toHaveAttribute('data-version', '1.1.0');
  await article.reload();
  await expect.poll(() => paintedTexts(article)).toContain('Amara Okafor');

  // Export gives back the active dataset as JSON.
  const [download] = await Promise.all([options.waitForEvent('download'), options.getByTestId('export').click()]);
  expect(download.suggestedFilename()).toBe('third-country-deportations-1.1.0.json');
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8')) as Dataset;
  expect(exported.entities.some((entity) => entity.name === 'Amara Okafor')).toBe(true);

  // Restore the bundled dataset from the same page.
  await options.getByTestId('restore-bundled').click();
  await expect(options.getByTestId('active-dataset')).toContainText('Bundled with Crossread');
  await expect.poll(() => paintedTexts(article)).not.toContain('Amara Okafor');

  expect(errors.messages).toEqual([]);
});

test('settings are saved through the background, normalised, and bad input is explained', async ({
  context,
  extensionId,
  serviceWorker,
  errors,
}, testInfo) => {
  const options = await context.newPage();
  await openOptions(options, extensionId);
  const stored = () =>
    serviceWorker.evaluate(
      async () => (await chrome.storage.local.get('settings')).settings as Partial<Settings> | undefined,
    );

  await options.getByLabel(/^Wrap/).check();
  await expect.poll(async () => (await stored())?.renderer).toBe('wrap');

  await options.locator('[data-kind="person"] input[type="checkbox"]').uncheck();
  await expect.poll(async () => (await stored())?.kinds?.person).toEqual({ enabled: false, colour: '#f0a014' });

  const denied = options.getByTestId('denied-sites');
  await denied.fill('https://WWW.Example.com/news\nbbc.co.uk');
  await denied.blur();
  await expect.poll(async () => (await stored())?.sites?.denied).toEqual(['www.example.com', 'bbc.co.uk']);
  await expect(denied).toHaveValue('www.example.com\nbbc.co.uk');

  await denied.fill('not a site');
  await denied.blur();
  await expect(options.getByTestId('settings-errors')).toContainText(
    'sites.denied[0]: "not a site" is not a site name such as example.com',
  );
  expect((await stored())?.sites?.denied).toEqual(['www.example.com', 'bbc.co.uk']);

  await options.getByLabel('When I rest the pointer on a highlighted name').check();
  await options.getByTestId('hover-delay').fill('250');
  await options.getByTestId('hover-delay').blur();
  await expect.poll(async () => (await stored())?.cardTrigger).toEqual({ mode: 'hover', hoverDelayMs: 250 });
  // Saving another part does not hide the site list's unsaved problem.
  await expect(options.getByTestId('settings-errors')).toContainText('"not a site" is not a site name');
  await screenshot(options, testInfo, 'options-settings');

  expect(errors.messages).toEqual([]);
});
