/**
 * A CPU profile of the built extension's content script on a few pages:
 * self time per function for chrome-extension:// code. A developer's tool for
 * finding where the start-up goes; `npm run bench` is the measurement.
 *   npx jiti bench/profile-extension.ts [pages]
 */
import { launchExtensionBrowser, load, newTab } from './browser';
import { EXTENSION_DIR } from './extension';
import { loadRealPages } from './pages';
import { servePages } from './server';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

async function main() {
  const only = process.argv[2]?.split(',') ?? ['cnn', 'wikipedia-2'];
  const pages = loadRealPages().filter((page) => only.includes(page.name));
  const server = await servePages(pages);
  const browser = await launchExtensionBrowser(EXTENSION_DIR);
  try {
    if (browser.context.serviceWorkers().length === 0) await browser.context.waitForEvent('serviceworker');
    for (const page of [pages[0], ...pages]) {
      if (!page) continue;
      const tab = await newTab(browser.context);
      const cdp = await browser.context.newCDPSession(tab);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
      await load(tab, server.urlOf(page));
      await new Promise((done) => setTimeout(done, 3000));
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
      const byId = new Map(profile.nodes.map((node) => [node.id, node]));
      const self = new Map<string, number>();
      let total = 0;
      profile.samples.forEach((id, index) => {
        const node = byId.get(id);
        if (!node?.callFrame.url.startsWith('chrome-extension://')) return;
        const ms = (profile.timeDeltas[index] ?? 0) / 1000;
        total += ms;
        const key = `${node.callFrame.functionName || '(anon)'} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber}:${node.callFrame.columnNumber}`;
        self.set(key, (self.get(key) ?? 0) + ms);
      });
      console.log(`\n${page.name}: ${total.toFixed(1)} ms self time in extension code`);
      for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
        console.log(`${ms.toFixed(1).padStart(7)}  ${key}`);
      await tab.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}
main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
