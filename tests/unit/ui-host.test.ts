// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { mountUiHost, restoreUiHost } from '../../page/ui-host';

const hosts = () => [...document.body.children].filter((element) => element.localName.startsWith('crossread-ui'));

let ctx: ContentScriptContext;
afterEach(() => {
  ctx.notifyInvalidated();
  document.body.replaceChildren();
});

describe('mountUiHost', () => {
  it('mounts one <crossread-ui> host with an open shadow root, removed when the context ends', async () => {
    ctx = new ContentScriptContext('test');
    const container = await mountUiHost(ctx);
    expect(hosts().map((host) => host.localName)).toEqual(['crossread-ui']);
    expect(container.getRootNode()).toBe(hosts()[0]?.shadowRoot);
    ctx.notifyInvalidated();
    expect(hosts()).toEqual([]);
  });

  it('mounts under another name when the page defined a crossread-ui element that takes the shadow root', async () => {
    let constructed = 0;
    customElements.define(
      'crossread-ui',
      class extends HTMLElement {
        constructor() {
          super();
          constructed++;
          this.attachShadow({ mode: 'closed' });
        }
      },
    );
    ctx = new ContentScriptContext('test');
    const container = await mountUiHost(ctx);
    expect(constructed).toBe(1);
    const [host, ...others] = hosts();
    expect(others).toEqual([]);
    expect(host?.localName).toMatch(/^crossread-ui-[a-z0-9]+$/);
    expect(container.getRootNode()).toBe(host?.shadowRoot);

    // A page that rewrites its body takes the host with it; the card puts it back before it shows.
    document.body.innerHTML = '<p>Rewritten</p>';
    expect(container.isConnected).toBe(false);
    restoreUiHost(container);
    expect(hosts()).toEqual([host]);
  });
});
