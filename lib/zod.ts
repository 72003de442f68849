import { z } from 'zod';

// Extension pages forbid eval by CSP. Zod compiles fast object parsers with
// `new Function` unless told not to; jitless mode never tries, so no CSP
// violation is ever logged in a page or extension console.
z.config({ jitless: true });

/**
 * `build`, run on the first call and remembered. Schemas are built lazily:
 * each zod schema runs its set-up code when constructed, several
 * milliseconds in a content script's cold start, paid only by the code
 * that validates something.
 */
export function builtOnFirstUse<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => {
    built ??= build();
    return built;
  };
}

export { z };
