/**
 * Writes lib/matching/common-units.generated.ts (see scripts/common-units.ts):
 *
 *   npx jiti scripts/generate-common-units.ts           # write it
 *   npx jiti scripts/generate-common-units.ts --check   # exit 1 if it is out of date
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { commonUnitsSource } from './common-units';

const file = fileURLToPath(new URL('../lib/matching/common-units.generated.ts', import.meta.url));
const source = commonUnitsSource();
if (process.argv.includes('--check')) {
  if (readFileSync(file, 'utf8') !== source) {
    console.error(
      'lib/matching/common-units.generated.ts is out of date; run npx jiti scripts/generate-common-units.ts',
    );
    process.exit(1);
  }
  console.log('lib/matching/common-units.generated.ts is fresh.');
} else {
  writeFileSync(file, source);
  console.log(`Wrote lib/matching/common-units.generated.ts (${source.length} characters).`);
}
