// One place that decides which Chromium binary the runner and the e2e suite use.
// Debian's package installs it at /usr/bin/chromium; CHROMIUM_PATH overrides it.
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Chromium refuses to start its sandbox as root (CI machines and containers
 * run as root), so only then do we pass --no-sandbox.
 * @returns {string[]}
 */
export function chromiumSandboxArgs() {
  return process.getuid?.() === 0 ? ['--no-sandbox'] : [];
}
