// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EntityCard } from '../../lib/card/entity-card';
import { type CardPage, FactCardController } from '../../page/fact-card';
import type { PageMention } from '../../page/scanner';

/** A mention of `entityId` over a text node of its own; `shown` false gives it no box (a collapsed menu). */
function mention(entityId: string, shown = true): PageMention & { shown: boolean } {
  const paragraph = document.createElement('p');
  const node = document.createTextNode(entityId);
  paragraph.append(node);
  document.body.append(paragraph);
  // happy-dom has no StaticRange; a live Range has the same fields.
  const range = document.createRange();
  range.setStart(node, 0);
  range.setEnd(node, node.length);
  return { range, parts: [{ node, start: 0, end: node.length }], entityId, block: paragraph, shown };
}

function card(id: string): EntityCard {
  return {
    id,
    kind: 'country',
    name: id,
    summary: `About ${id}.`,
    asOf: '2025-05-20',
    facts: [],
    claims: [],
    related: [],
    dataset: { title: 'Test', version: '1.0.0' },
  };
}

let mentions: Array<PageMention & { shown: boolean }>;
let container: HTMLElement;
let controller: FactCardController;
let loadCard: ReturnType<typeof vi.fn<(entityId: string) => Promise<EntityCard | null>>>;

beforeEach(() => {
  document.body.replaceChildren();
  mentions = [
    mention('country:a'),
    mention('country:b', false),
    mention('country:a'),
    mention('country:c'),
    mention('country:a', false),
  ];
  container = document.createElement('div');
  document.body.append(container);
  const page: CardPage = {
    mentions: () => mentions,
    boxesOf: (m) => ((m as PageMention & { shown: boolean }).shown ? [new DOMRect(10, 10, 50, 16)] : []),
    entity: (id) => ({ name: id, kind: 'country' }),
  };
  loadCard = vi.fn(async (id: string): Promise<EntityCard | null> => card(id));
  controller = new FactCardController({ container, page, loadCard, locale: 'en' });
});
afterEach(() => controller.destroy());

/**
 * A click as the user makes it. happy-dom has no isTrusted (undefined: a page's own event to the
 * controller), so the test gives its event the flag the browser gives real input.
 */
function userClick(element: Element | null | undefined): void {
  const event = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  element?.dispatchEvent(event);
}

const dialogName = () => container.querySelector('[role="dialog"] h2')?.textContent;
const position = () => container.querySelector('[data-testid="card-position"]')?.textContent;

describe('FactCardController', () => {
  it('walks the page’s mentions with the shortcut, skipping those not on screen, and wraps around', () => {
    controller.step('next');
    expect(controller.currentMention()).toBe(mentions[0]);
    controller.step('next');
    expect(controller.currentMention()).toBe(mentions[2]);
    controller.step('next');
    expect(controller.currentMention()).toBe(mentions[3]);
    controller.step('next');
    expect(controller.currentMention()).toBe(mentions[0]);
    controller.step('previous');
    expect(controller.currentMention()).toBe(mentions[3]);
  });

  it('reveals an entity at its first mention on screen', () => {
    mentions[0] = { ...mentions[0], shown: false } as PageMention & { shown: boolean };
    expect(controller.reveal('country:a')).toBe(true);
    expect(controller.currentMention()).toBe(mentions[2]);
    expect(controller.reveal('country:zzz')).toBe(false);
  });

  it('steps within the entity from its card, and counts every mention of it on the page', async () => {
    controller.open(mentions[0] as PageMention);
    await vi.waitFor(() => expect(dialogName()).toBe('country:a'));
    expect(position()).toBe('Mention 1 of 3 on this page');
    const next = [...container.querySelectorAll('button')].find((button) => button.textContent?.includes('Next'));
    userClick(next);
    expect(controller.currentMention()).toBe(mentions[2]);
    expect(position()).toBe('Mention 2 of 3 on this page');
    userClick(next);
    // The third is hidden: back to the first.
    expect(controller.currentMention()).toBe(mentions[0]);
  });

  it('moves to a related entity and back, loading each card once', async () => {
    controller.open(mentions[0] as PageMention);
    await vi.waitFor(() => expect(dialogName()).toBe('country:a'));
    const related: EntityCard = {
      ...card('country:a'),
      related: [{ id: 'country:b', name: 'country:b', kind: 'country' }],
    };
    loadCard.mockImplementation(async (id: string) => (id === 'country:a' ? related : card(id)));
    controller.forgetCards();
    controller.open(mentions[0] as PageMention);
    await vi.waitFor(() => expect(container.querySelector('.card__chip')).not.toBeNull());
    userClick(container.querySelector('.card__chip'));
    await vi.waitFor(() => expect(dialogName()).toBe('country:b'));
    userClick(container.querySelector('.card__back'));
    await vi.waitFor(() => expect(dialogName()).toBe('country:a'));
    expect(loadCard.mock.calls.map(([id]) => id)).toEqual(['country:a', 'country:a', 'country:b']);
  });

  it('says so when the dataset has no card for the entity, and retries a failed load next time', async () => {
    loadCard.mockRejectedValueOnce(new Error('background restarting'));
    controller.open(mentions[3] as PageMention);
    await vi.waitFor(() => expect(container.textContent).toContain('no card for this name'));
    controller.close();
    controller.open(mentions[3] as PageMention);
    await vi.waitFor(() => expect(container.textContent).toContain('About country:c.'));
  });

  it('closes on Escape and gives the focus back to where it was when opened from the keyboard', () => {
    const button = document.createElement('button');
    document.body.append(button);
    button.focus();
    controller.step('next');
    expect(controller.isOpen()).toBe(true);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    // A page's own Escape (isTrusted false) does not close it.
    expect(controller.isOpen()).toBe(true);
    controller.close();
    expect(container.querySelector('[role="dialog"]')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('ignores clicks the page fakes on its buttons and links (the shadow root is open to the page)', async () => {
    controller.open(mentions[0] as PageMention);
    await vi.waitFor(() => expect(dialogName()).toBe('country:a'));
    const button = (label: string) =>
      [...container.querySelectorAll('button')].find(
        (candidate) => candidate.textContent?.includes(label) || candidate.getAttribute('aria-label') === label,
      );
    button('Next')?.click();
    button('Next')?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect(controller.currentMention()).toBe(mentions[0]);
    button('Close')?.click();
    expect(controller.isOpen()).toBe(true);
    userClick(button('Close'));
    expect(controller.isOpen()).toBe(false);
  });
});
