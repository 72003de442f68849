import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { Dataset, Entity } from '../../lib/dataset';
import { validateDataset } from '../../lib/dataset';
import { clickWord, openDemo } from './demo-page';
import { expect, test } from './fixtures';
import { injections, PWNED_FLAG, pwned } from './hostile-pages';

// A dataset is data from the internet (issue 8, item 1): script-injection
// strings in every text field it has must reach the options page, the popup
// and the fact card as text. Imported as a file, as a user would.

const bundled = JSON.parse(readFileSync('assets/datasets/third-country-deportations.json', 'utf8')) as Dataset;

/** A payload that fits the short fields (a claim's key word has at most 60 characters). */
const shortPayload = (where: string) => `<svg onload=${PWNED_FLAG}='${where}'>`;

function entity(dataset: Dataset, id: string): Entity {
  const found = dataset.entities.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`the bundled dataset has no ${id}`);
  return found;
}

/** What the test wrote into the dataset's fields, to find on screen. */
interface Planted {
  dataset: Dataset;
  rwandaName: string;
  personName: string;
  /** Text the card for Rwanda must show literally. */
  rwandaCard: string[];
  /** Text the card for the person must show literally. */
  personCard: string[];
}

/**
 * The bundled dataset as version 1.1.0, with payloads in the dataset title,
 * entity names, summaries and roles, a deal's name and status note, and in
 * one claim its statement, every outlet's framing, key word, figure and
 * citation, and the names of its outlets.
 */
function hostileDataset(): Planted {
  const dataset = structuredClone(bundled);
  dataset.version = '1.1.0';
  const all = (where: string) => injections(where).join(' ');
  dataset.title = `Deportation deals ${injections('dataset title')[0]}`;
  const rwanda = entity(dataset, 'country:rwanda');
  rwanda.name = `Rwanda ${injections('entity name')[0]}`;
  rwanda.summary = all('summary');
  const person = entity(dataset, 'person:olivier-nduhungirehe');
  person.name = `Olivier Nduhungirehe ${injections('related name')[1]}`;
  if (!person.person) throw new Error('the bundled person has no details');
  person.person.role = all('role');
  const deal = entity(dataset, 'deal:us-rwanda-2025');
  deal.name = `US–Rwanda ${injections('deal name')[2]}`;
  const claim = dataset.claims.find((candidate) => candidate.id === 'claim:us-rwanda-payment');
  if (!claim) throw new Error('the bundled dataset has no payment claim');
  claim.statement = all('statement');
  const outletIds = new Set(claim.versions.map((version) => version.outlet));
  for (const outlet of dataset.outlets) {
    if (outletIds.has(outlet.id)) outlet.name = `${outlet.name} ${injections('outlet name')[4]}`;
  }
  claim.versions.forEach((version, index) => {
    version.framing = `${index}: ${all('framing')}`;
    version.term = shortPayload(`term ${index}`);
    if (version.figure) version.figure.asReported = `$100,000 ${injections('figure')[3]}`;
    version.citation = [{ name: injections('citation')[1] }];
  });
  const checked = validateDataset(dataset);
  if (!checked.ok) throw new Error(`the hostile dataset is invalid: ${JSON.stringify(checked.issues)}`);
  const outlets = dataset.outlets.filter((outlet) => outletIds.has(outlet.id)).map((outlet) => outlet.name);
  return {
    dataset,
    rwandaName: rwanda.name,
    personName: person.name,
    rwandaCard: [
      rwanda.summary,
      deal.name,
      claim.statement,
      ...claim.versions.map((version) => version.framing),
      ...claim.versions.map((version) => version.term ?? ''),
      `$100,000 ${injections('figure')[3]}`,
      injections('citation')[1] as string,
      ...outlets,
      dataset.title,
    ],
    personCard: [person.person.role],
  };
}

/**
 * Runs in a page: elements in the body, or in the shadow root of the
 * `selector` host, that carry an event-handler attribute or are images,
 * scripts or frames (none of the pages has any of its own there).
 */
function activeMarkup(selector: string | null): string[] {
  const host = selector ? document.querySelector(selector) : null;
  const root: ParentNode = selector ? (host?.shadowRoot ?? document.body) : document.body;
  return [...root.querySelectorAll('*')]
    .filter(
      (element) =>
        ['img', 'script', 'iframe', 'object', 'embed'].includes(element.localName) ||
        [...element.attributes].some((attribute) => attribute.name.startsWith('on')),
    )
    .map((element) => element.outerHTML.slice(0, 80));
}

async function expectNothingRan(page: Page, ui: string | null): Promise<void> {
  expect(await pwned(page)).toBeUndefined();
  expect(await page.evaluate(activeMarkup, ui)).toEqual([]);
}

test('script-injection strings in every text field of an imported dataset show literally in the options page, the popup and the card, and nothing runs', async ({
  context,
  extensionId,
  demoOrigin,
  openPopupFor,
  errors,
}) => {
  const planted = hostileDataset();
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByTestId('dataset-file').setInputFiles({
    name: 'hostile.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(planted.dataset)),
  });
  const changed = options.getByTestId('diff-entities-changed');
  await expect(changed.locator('[data-id="country:rwanda"]')).toContainText(planted.rwandaName);
  await options.getByTestId('apply').click();
  await expect(options.getByTestId('active-dataset')).toHaveAttribute('data-version', '1.1.0');
  await expect(options.getByTestId('active-dataset')).toContainText(planted.dataset.title);
  await expectNothingRan(options, null);

  // A javascript: URL is refused by the checks, by path, and nothing is applied.
  const withScriptUrl = structuredClone(planted.dataset);
  withScriptUrl.version = '1.2.0';
  const version = withScriptUrl.claims[0]?.versions[0];
  if (!version) throw new Error('the dataset has no claim version');
  version.url = `javascript:window.${PWNED_FLAG}='url'`;
  await options.getByTestId('dataset-file').setInputFiles({
    name: 'script-url.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(withScriptUrl)),
  });
  await expect(options.getByTestId('issues')).toContainText('claims[0].versions[0].url');
  await expect(options.getByTestId('active-dataset')).toHaveAttribute('data-version', '1.1.0');

  const article = await context.newPage();
  await openDemo(article, demoOrigin);
  await clickWord(article, 'article > p:nth-of-type(4)', 'Rwanda');
  const card = article.getByRole('dialog');
  await expect(card.locator('h2')).toHaveText(planted.rwandaName);
  const payment = card.locator('[data-claim-id="claim:us-rwanda-payment"]');
  await expect(payment.locator('.version')).toHaveCount(4);
  const cardText = await card.textContent();
  for (const text of planted.rwandaCard) expect(cardText, text).toContain(text);
  await expectNothingRan(article, 'crossread-ui');

  // The related person's card, reached from Rwanda's.
  await card.getByRole('button', { name: planted.personName }).click();
  await expect(card.locator('h2')).toHaveText(planted.personName);
  for (const text of planted.personCard) await expect(card).toContainText(text);
  await expectNothingRan(article, 'crossread-ui');

  // The popup lists the page's entities by name.
  const popup = await openPopupFor(article);
  await expect(popup.getByRole('button', { name: planted.rwandaName })).toBeVisible();
  await expectNothingRan(popup, null);
  await expectNothingRan(options, null);
  expect(errors.messages).toEqual([]);
});
