import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { UI_HOST_TAG } from './scanner';

/**
 * Mounts the single <crossread-ui> host element, with an open shadow root,
 * that every piece of Crossread's in-page UI lives under. The host takes no
 * space in the page's layout; WXT removes it when the context is invalidated
 * (extension updated or disabled), so no UI is orphaned.
 */
export async function mountUiHost(ctx: ContentScriptContext): Promise<ShadowRootContentScriptUi<HTMLElement>> {
  const ui = await createShadowRootUi(ctx, {
    name: UI_HOST_TAG,
    mode: 'open',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    onMount(container, _shadow, host) {
      // Out of the flow and zero-sized: mounting must never move the page.
      host.style.setProperty('position', 'fixed', 'important');
      host.style.setProperty('inset', '0 auto auto 0', 'important');
      host.style.setProperty('width', '0', 'important');
      host.style.setProperty('height', '0', 'important');
      host.style.setProperty('z-index', '2147483647', 'important');
      return container;
    },
  });
  ui.mount();
  return ui;
}
