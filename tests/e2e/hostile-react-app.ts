import { createElement, useEffect, useState } from 'react';

/**
 * The React app of the hydration test (hostile-react.spec.ts): rendered to
 * HTML by react-dom/server in the test, and bundled with
 * hostile-react-client.ts, which hydrates it in the page. Plain
 * createElement calls: the project's JSX is Preact's.
 */

/** How many state updates the app makes once hydrated, one per task. */
export const UPDATES = 100;

/** What the client records in `window.reactLog` for the test to read. */
export interface ReactLog {
  /** Crossread's highlights were on the page when hydration began. */
  highlightedBeforeHydration: boolean;
  /** The updates React has committed (0 once hydrated). */
  commits: number[];
  recoverable: string[];
  caught: string[];
  uncaught: string[];
}

const PARAGRAPH =
  'Rwanda said on Monday that it was in early talks with the United States, and Olivier Nduhungirehe confirmed it in Kigali.';

/**
 * An article whose text names entities: one paragraph never changes, one changes with every update, one
 * gains and loses a sentence, and a list grows and shrinks.
 */
export function App({ onCommit }: { onCommit?: (update: number) => void }) {
  const [update, setUpdate] = useState(0);
  useEffect(() => {
    onCommit?.(update);
  }, [update, onCommit]);
  useEffect(() => {
    let count = 0;
    const timer = setInterval(() => {
      count++;
      setUpdate(count);
      if (count >= UPDATES) clearInterval(timer);
    }, 10);
    return () => clearInterval(timer);
  }, []);
  return createElement(
    'article',
    null,
    createElement('h1', null, 'Talks on third-country deportations'),
    createElement('p', { id: 'static' }, PARAGRAPH),
    createElement(
      'p',
      { id: 'changing' },
      `Update ${update}: Rwanda and the United States `,
      update % 2 ? 'met again.' : 'met.',
    ),
    // A text node React adds and removes between two others: React removes it from its parent itself.
    createElement('p', { id: 'toggling' }, 'In the news: ', update % 10 < 5 ? 'Kigali responded. ' : null, 'End.'),
    createElement(
      'ul',
      { id: 'list' },
      Array.from({ length: (update % 5) + 1 }, (_, index) =>
        createElement('li', { key: index }, `Item ${index}: Kigali answered.`),
      ),
    ),
  );
}
