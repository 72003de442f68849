// Checks the built manifests (.output/chrome-mv3, .output/firefox-mv3) against the source: no eval in any
// Content-Security-Policy, every permission and host permission declared is used by the code (and every API
// the code uses that needs one is declared), the keyboard commands are there and handled, no web-accessible
// resources, and the content script runs on http and https pages only. `npm run check:manifest`, after
// `npm run build`; part of `npm test`. What each rule is for: docs/reliability.md.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '@babel/parser';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The code that ships in the extension. */
export const SOURCE_DIRS = ['entrypoints', 'components', 'page', 'extension', 'lib'];
export const MANIFESTS = ['.output/chrome-mv3/manifest.json', '.output/firefox-mv3/manifest.json'];

/**
 * @typedef {{ use: RegExp, why: string }} Use
 * @typedef {{ path: string, text: string }} SourceFile A source file with its comments blanked out.
 */

/**
 * Every API permission Crossread may declare, with the code that needs it. A permission not listed here
 * fails the check: add it with the code that uses it and the reason.
 * @type {Record<string, Use>}
 */
export const PERMISSION_USES = {
  storage: { use: /\bbrowser\.storage\./, why: 'settings and datasets live in browser.storage.local' },
  alarms: { use: /\bbrowser\.alarms\./, why: 'the daily or weekly dataset refresh' },
};

/**
 * Every optional host permission, with the code that asks for it. Required host_permissions are not
 * allowed at all: the content script's matches give it its pages.
 * @type {Record<string, Use>}
 */
export const OPTIONAL_HOST_USES = {
  'https://*/*': {
    use: /\bbrowser\.permissions\.request\(\s*\{\s*origins:\s*\[\s*originPattern\(/,
    why: "a dataset URL's origin, asked for when the user enters the URL on the options page",
  },
};

/** The only pages the content script may run on. */
const CONTENT_SCRIPT_MATCHES = new Set(['http://*/*', 'https://*/*']);

/** CSP sources that let an extension page run code that is not one of its own files. */
const FORBIDDEN_CSP_SOURCES = ["'unsafe-eval'", "'wasm-unsafe-eval'", "'unsafe-inline'", "'unsafe-hashes'"];
const REMOTE_SOURCE = /^(\*|https?:|wss?:|data:|blob:|filesystem:|[a-z0-9.-]+\.[a-z]{2,}|\*\.)/i;

/**
 * The source files under `dirs`, comments blanked (so a comment naming an API is no use of it).
 * @param {string} root
 * @param {string[]} dirs
 * @returns {SourceFile[]}
 */
export function readSources(root = ROOT, dirs = SOURCE_DIRS) {
  /** @type {SourceFile[]} */
  const files = [];
  for (const dir of dirs) {
    for (const entry of readdirSync(join(root, dir), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.(ts|tsx|mts|js|mjs)$/.test(entry.name)) continue;
      const path = join(entry.parentPath, entry.name);
      files.push({ path: relative(root, path), text: withoutComments(readFileSync(path, 'utf8'), path) });
    }
  }
  return files;
}

/**
 * `code` with every comment replaced by spaces (line breaks kept).
 * @param {string} code
 * @param {string} path
 */
export function withoutComments(code, path) {
  const plugins = /** @type {import('@babel/parser').ParserPlugin[]} */ (
    path.endsWith('.tsx') ? ['typescript', 'jsx'] : ['typescript']
  );
  const ast = parse(code, { sourceType: 'module', plugins, errorRecovery: false });
  let text = code;
  for (const comment of ast.comments ?? []) {
    const blank = code.slice(comment.start ?? 0, comment.end ?? 0).replace(/[^\n]/g, ' ');
    text = text.slice(0, comment.start ?? 0) + blank + text.slice(comment.end ?? 0);
  }
  return text;
}

/**
 * @param {SourceFile[]} sources
 * @param {RegExp} pattern
 */
const usedIn = (sources, pattern) => sources.filter((file) => pattern.test(file.text)).map((file) => file.path);

/**
 * The problems with one manifest, and a line for each permission saying where it is used.
 * @param {any} manifest the parsed manifest.json
 * @param {SourceFile[]} sources
 * @returns {{ problems: string[], uses: string[] }}
 */
export function checkManifest(manifest, sources) {
  /** @type {string[]} */
  const problems = [];
  /** @type {string[]} */
  const uses = [];

  // Content-Security-Policy: none is the browser's default (no eval, no WebAssembly, own files only).
  const csp = manifest.content_security_policy;
  const policies = csp === undefined ? [] : typeof csp === 'string' ? [['(MV2)', csp]] : Object.entries(csp);
  for (const [where, policy] of policies) {
    for (const directive of String(policy).split(';')) {
      const [name, ...values] = directive.trim().split(/\s+/);
      for (const value of values) {
        if (FORBIDDEN_CSP_SOURCES.includes(value.toLowerCase())) {
          problems.push(`content_security_policy.${where}: ${name} allows ${value}`);
        } else if (
          /^(script-src|default-src|worker-src|script-src-elem)$/.test(name ?? '') &&
          REMOTE_SOURCE.test(value)
        ) {
          problems.push(`content_security_policy.${where}: ${name} allows code from ${value}`);
        }
      }
    }
  }
  // Sandboxed pages get a default CSP with 'unsafe-eval'; externally_connectable lets pages and other
  // extensions message the background.
  for (const key of ['sandbox', 'externally_connectable']) {
    if (manifest[key] !== undefined) problems.push(`${key} is declared: Crossread has no use for it`);
  }

  // API permissions: each one known and used; each API the code uses declared.
  const declared = [...(manifest.permissions ?? []), ...(manifest.optional_permissions ?? [])];
  for (const permission of declared) {
    const known = PERMISSION_USES[permission];
    if (!known) {
      problems.push(`permission "${permission}" is not one Crossread needs (scripts/check-manifest.mjs lists those)`);
      continue;
    }
    const files = usedIn(sources, known.use);
    if (files.length === 0) problems.push(`permission "${permission}" is declared but no code uses ${known.use}`);
    else uses.push(`permission ${permission}: ${known.why} (${files.join(', ')})`);
  }
  for (const [permission, known] of Object.entries(PERMISSION_USES)) {
    const files = usedIn(sources, known.use);
    if (files.length > 0 && !declared.includes(permission)) {
      problems.push(`${files.join(', ')} use ${known.use} but the manifest does not declare "${permission}"`);
    }
  }

  // Host permissions: none required; each optional one asked for by the code.
  for (const origin of manifest.host_permissions ?? []) {
    problems.push(`host_permissions has "${origin}": only the content script's matches and optional hosts are allowed`);
  }
  for (const origin of manifest.optional_host_permissions ?? []) {
    const known = OPTIONAL_HOST_USES[origin];
    const files = known ? usedIn(sources, known.use) : [];
    if (!known) problems.push(`optional host permission "${origin}" is not one Crossread asks for`);
    else if (files.length === 0) problems.push(`optional host permission "${origin}": no code asks for it`);
    else uses.push(`optional host permission ${origin}: ${known.why} (${files.join(', ')})`);
  }

  // Keyboard commands: declared, listened to, and each one handled by name.
  const commands = Object.keys(manifest.commands ?? {});
  if (commands.length === 0) problems.push('commands: the keyboard shortcuts are missing');
  const listener = usedIn(sources, /\bbrowser\.commands\.onCommand\.addListener\(/);
  if (commands.length > 0 && listener.length === 0) problems.push('commands: no code listens to commands.onCommand');
  for (const command of commands) {
    const files = usedIn(sources, new RegExp(`['"\`]${command.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"\`]`));
    if (files.length === 0) problems.push(`command "${command}" is declared but no code handles it`);
    else uses.push(`command ${command}: handled in ${files.join(', ')}`);
  }

  // No file of the extension may be loaded by web pages.
  if ((manifest.web_accessible_resources ?? []).length > 0) {
    problems.push(`web_accessible_resources: ${JSON.stringify(manifest.web_accessible_resources)} (none is allowed)`);
  }

  // The content scripts: http and https pages only, in their own isolated world.
  for (const [index, script] of (manifest.content_scripts ?? []).entries()) {
    for (const match of script.matches ?? []) {
      if (!CONTENT_SCRIPT_MATCHES.has(match)) problems.push(`content_scripts[${index}] matches "${match}"`);
    }
    if (script.world !== undefined && script.world !== 'ISOLATED') {
      problems.push(`content_scripts[${index}] runs in the ${script.world} world, beside the page's own scripts`);
    }
  }
  return { problems, uses };
}

function main() {
  const sources = readSources();
  let failed = false;
  for (const path of MANIFESTS) {
    const file = join(ROOT, path);
    if (!existsSync(file)) {
      console.error(`${path} is missing: run npm run build first`);
      failed = true;
      continue;
    }
    const { problems, uses } = checkManifest(JSON.parse(readFileSync(file, 'utf8')), sources);
    console.log(`${path}: ${problems.length === 0 ? 'ok' : `${problems.length} problem(s)`}`);
    for (const line of uses) console.log(`  ${line}`);
    for (const problem of problems) console.error(`  ✗ ${problem}`);
    failed ||= problems.length > 0;
  }
  if (failed) process.exit(1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
