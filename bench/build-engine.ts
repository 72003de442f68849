import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
// esbuild is not installed here (Vite 8 bundles with Rolldown and lists esbuild
// only as an optional peer), so the bench uses Rolldown, which Vite brings.
import { build } from 'rolldown';
// lib/bundled-dataset.ts imports its data with Vite's `?raw`; this gives the
// bundle the same text, so the bench parses the data the way the extension does.
import { rawTextPlugin } from './raw-text-plugin';

/** The name the bundle gives itself, so CDP traces and stack traces can tell its code apart. */
export const ENGINE_BUNDLE_URL = 'crossread-bench-engine.js';

/**
 * Bundles bench/engine-entry.ts (the engine, the bundled dataset and the
 * in-page bench harness) into one IIFE for `page.addScriptTag({ content })`.
 * Not minified, so profiles keep the engine's function names.
 */
export async function buildEngineBundle(): Promise<string> {
  const output = await build({
    input: resolve(import.meta.dirname, 'engine-entry.ts'),
    platform: 'browser',
    plugins: [rawTextPlugin()],
    logLevel: 'warn',
    write: false,
    output: { format: 'iife', minify: false, sourcemap: false },
  });
  const chunk = output.output.find((item) => item.type === 'chunk');
  if (!chunk) throw new Error('Rolldown produced no chunk for bench/engine-entry.ts');
  return `${chunk.code}\n//# sourceURL=${ENGINE_BUNDLE_URL}\n`;
}

/** mark.js as shipped (UMD: it defines window.Mark when there is no module system). */
export function markJsSource(): string {
  const require = createRequire(import.meta.url);
  return `${readFileSync(require.resolve('mark.js/dist/mark.min.js'), 'utf8')}\n//# sourceURL=mark.min.js\n`;
}
