import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

// Everything that ends up in the build. A build older than any of these is stale.
const SOURCE_DIRS = ['entrypoints', 'components', 'lib', 'page', 'extension', 'assets', 'locales'];

function newestSourceChange(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestSourceChange(join(path, name))));
}

/**
 * Refuses to test a missing build in `extensionDir`, or one made before the
 * latest source change; `rebuild` is the command that builds and tests.
 */
export function assertFreshBuild(extensionDir: string, rebuild: string): void {
  const manifest = join(extensionDir, 'manifest.json');
  if (!existsSync(manifest)) {
    throw new Error(`No extension build in ${extensionDir}: run \`${rebuild}\`, which builds first.`);
  }
  const newestSource = Math.max(
    ...SOURCE_DIRS.map((dir) => newestSourceChange(resolve(dir))),
    statSync('wxt.config.ts').mtimeMs,
  );
  if (statSync(manifest).mtimeMs < newestSource) {
    throw new Error(`The build in ${extensionDir} is older than the sources: run \`${rebuild}\`, which builds first.`);
  }
}
