import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Plugin } from 'rolldown';

const RAW_SUFFIX = '?raw';

/**
 * `import text from './file.json?raw'` as Vite understands it (the file's text
 * as a string), for bundling the engine with plain Rolldown in the benchmarks:
 * lib/bundled-dataset.ts imports the bundled dataset that way.
 */
export function rawTextPlugin(): Plugin {
  return {
    name: 'crossread-raw-text',
    resolveId(source, importer) {
      if (!source.endsWith(RAW_SUFFIX)) return null;
      const file = source.slice(0, -RAW_SUFFIX.length);
      return `${importer ? resolve(dirname(importer), file) : resolve(file)}${RAW_SUFFIX}`;
    },
    load(id) {
      if (!id.endsWith(RAW_SUFFIX)) return null;
      return `export default ${JSON.stringify(readFileSync(id.slice(0, -RAW_SUFFIX.length), 'utf8'))};`;
    },
  };
}
