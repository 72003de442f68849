import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import cardCss from '../components/card/card.css?inline';
import { UI_HOST_TAG } from './scanner';

/**
 * Mounts the single <crossread-ui> host element (named crossread-ui-<random>
 * on a page that defined a custom element crossread-ui), with an open shadow root,
 * that every piece of Crossread's in-page UI lives under, and returns the
 * element inside the shadow root that the UI renders into. The host takes no
 * space in the page's layout; WXT removes it when the context is invalidated
 * (extension updated or disabled), so no UI is orphaned.
 *
 * The UI's styles are a constructed sheet adopted by the shadow root: a
 * page's Content-Security-Policy can refuse a <style> element, never an
 * adopted sheet. Keyboard events are kept inside the shadow root, so a key
 * pressed on the card never reaches the page's own shortcuts.
 */
export async function mountUiHost(ctx: ContentScriptContext): Promise<HTMLElement> {
  try {
    return await mountUiHostNamed(ctx, UI_HOST_TAG);
  } catch {
    // The page defined a custom element named crossread-ui before this script ran (any page can define any
    // such name), and the element created with its constructor refuses a shadow root of ours (its
    // constructor took one, or the definition disables them). A name made up now cannot have been defined
    // in advance; nothing was added to the page by the failed attempt.
    return mountUiHostNamed(ctx, `${UI_HOST_TAG}-${Math.random().toString(36).slice(2, 10)}`);
  }
}

async function mountUiHostNamed(ctx: ContentScriptContext, name: string): Promise<HTMLElement> {
  const ui = await createShadowRootUi(ctx, {
    name,
    mode: 'open',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    isolateEvents: ['keydown', 'keyup', 'keypress'],
    onMount(container, shadow, host) {
      // Out of the flow and zero-sized: mounting must never move the page (card.css's :host says it again, more strongly).
      host.style.setProperty('position', 'fixed', 'important');
      host.style.setProperty('inset', '0 auto auto 0', 'important');
      host.style.setProperty('width', '0', 'important');
      host.style.setProperty('height', '0', 'important');
      host.style.setProperty('z-index', '2147483647', 'important');
      adoptStyles(shadow, cardCss);
      const root = container.ownerDocument.createElement('div');
      container.append(root);
      return root;
    },
  });
  ui.mount();
  const root = ui.mounted;
  if (!root) throw new Error('the UI host did not mount');
  return root;
}

/**
 * Puts Crossread's UI host back at the end of the body when the page has
 * taken it out: a page that rewrites `document.body.innerHTML` removes it with
 * everything else. The shadow root, its styles and what is rendered in it
 * stay with the host, so putting it back is all there is to do. Called when
 * the UI is about to show rather than by an observer of the body, which a
 * page that removes every element it did not add would fight forever.
 */
export function restoreUiHost(container: HTMLElement): void {
  if (container.isConnected) return;
  const root = container.getRootNode();
  const host = root instanceof ShadowRoot ? root.host : null;
  const body = container.ownerDocument.body;
  if (host && body) body.append(host);
}

function adoptStyles(shadow: ShadowRoot, css: string): void {
  const view = shadow.ownerDocument.defaultView;
  if (view && typeof view.CSSStyleSheet === 'function' && 'adoptedStyleSheets' in shadow) {
    // The page's own constructor: in Firefox a sheet made by the content script's would not be the page's to adopt.
    const sheet = new view.CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
    return;
  }
  const style = shadow.ownerDocument.createElement('style');
  style.textContent = css;
  shadow.append(style);
}
