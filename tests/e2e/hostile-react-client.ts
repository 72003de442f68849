import { createElement } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { App, type ReactLog } from './hostile-react-app';

// Bundled by hostile-react.spec.ts and run in the page: hydrates the
// server-rendered app late, at least a second after load and once Crossread
// has highlighted the page (or after 5 s), and records every error React reports.

const log: ReactLog = { highlightedBeforeHydration: false, commits: [], recoverable: [], caught: [], uncaught: [] };
(window as unknown as { reactLog: ReactLog }).reactLog = log;

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));
const highlighted = () => {
  let painted = 0;
  CSS.highlights.forEach((highlight) => {
    painted += highlight.size;
  });
  return painted > 0 || document.querySelector('mark') !== null;
};
const onCommit = (update: number) => log.commits.push(update);

const started = performance.now();
const waiting = setInterval(() => {
  const waited = performance.now() - started;
  if (waited < 1_000 || (!highlighted() && waited < 5_000)) return;
  clearInterval(waiting);
  log.highlightedBeforeHydration = highlighted();
  const root = document.getElementById('root');
  if (!root) throw new Error('no #root to hydrate');
  hydrateRoot(root, createElement(App, { onCommit }), {
    onRecoverableError: (error) => log.recoverable.push(describe(error)),
    onCaughtError: (error) => log.caught.push(describe(error)),
    onUncaughtError: (error) => log.uncaught.push(describe(error)),
  });
}, 50);
