import { describe, expect, it } from 'vitest';
import { checkManifest, readSources, withoutComments } from '../../scripts/check-manifest.mjs';

/**
 * The manifest check (scripts/check-manifest.mjs) runs on the build in `npm test`; these cases show that
 * it fails on each thing it is there to catch, using the real source and a manifest like the built one.
 */
const sources = readSources();

function builtLike() {
  return {
    manifest_version: 3,
    permissions: ['storage', 'alarms'],
    optional_host_permissions: ['https://*/*'],
    commands: {
      'next-mention': { suggested_key: { default: 'Alt+Shift+N' } },
      'previous-mention': { suggested_key: { default: 'Alt+Shift+P' } },
    },
    background: { service_worker: 'background.js' },
    content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['content-scripts/content.js'] }],
  } as Record<string, unknown>;
}

const problemsOf = (manifest: Record<string, unknown>, files = sources) => checkManifest(manifest, files).problems;

describe('the manifest check', () => {
  it('passes a manifest like the built one, and says where each permission is used', () => {
    const { problems, uses } = checkManifest(builtLike(), sources);
    expect(problems).toEqual([]);
    expect(uses).toEqual([
      expect.stringMatching(/^permission storage: .*extension\/settings-store\.ts/),
      expect.stringMatching(/^permission alarms: .*extension\/refresh-alarm\.ts/),
      expect.stringMatching(/^optional host permission https:\/\/\*\/\*: .*extension\/options-client\.ts/),
      'command next-mention: handled in extension/entity-cards.ts',
      'command previous-mention: handled in extension/entity-cards.ts',
    ]);
  });

  it('fails on eval, WebAssembly eval, inline or remote code in a Content-Security-Policy', () => {
    const withCsp = (extension_pages: string) => ({ ...builtLike(), content_security_policy: { extension_pages } });
    expect(problemsOf(withCsp("script-src 'self' 'unsafe-eval'; object-src 'self'"))).toEqual([
      "content_security_policy.extension_pages: script-src allows 'unsafe-eval'",
    ]);
    expect(problemsOf(withCsp("script-src 'self' 'wasm-unsafe-eval'"))).toEqual([
      "content_security_policy.extension_pages: script-src allows 'wasm-unsafe-eval'",
    ]);
    expect(problemsOf(withCsp("default-src 'self' https://cdn.example"))).toEqual([
      'content_security_policy.extension_pages: default-src allows code from https://cdn.example',
    ]);
    expect(problemsOf(withCsp("script-src 'self'; object-src 'self'"))).toEqual([]);
    expect(problemsOf({ ...builtLike(), sandbox: { pages: ['sandbox.html'] } })).toEqual([
      'sandbox is declared: Crossread has no use for it',
    ]);
  });

  it('fails on a permission the code does not use, and on an API used without its permission', () => {
    expect(problemsOf({ ...builtLike(), permissions: ['storage', 'alarms', 'tabs'] })).toEqual([
      'permission "tabs" is not one Crossread needs (scripts/check-manifest.mjs lists those)',
    ]);
    expect(problemsOf({ ...builtLike(), optional_permissions: ['<all_urls>'] })).toHaveLength(1);
    expect(problemsOf({ ...builtLike(), host_permissions: ['<all_urls>'] })).toEqual([
      'host_permissions has "<all_urls>": only the content script\'s matches and optional hosts are allowed',
    ]);
    expect(problemsOf({ ...builtLike(), optional_host_permissions: ['https://*/*', 'http://*/*'] })).toEqual([
      'optional host permission "http://*/*" is not one Crossread asks for',
    ]);
    const withoutAlarms = sources.map((file) => ({
      ...file,
      text: file.text.replaceAll('browser.alarms.', 'browser.x.'),
    }));
    expect(problemsOf(builtLike(), withoutAlarms)).toEqual([
      'permission "alarms" is declared but no code uses /\\bbrowser\\.alarms\\./',
    ]);
    expect(problemsOf({ ...builtLike(), permissions: ['storage'] })).toEqual([
      'entrypoints/background.ts, extension/refresh-alarm.ts use /\\bbrowser\\.alarms\\./ but the manifest does not declare "alarms"',
    ]);
  });

  it('fails without the keyboard commands, or with one the code does not handle', () => {
    expect(problemsOf({ ...builtLike(), commands: undefined })).toEqual([
      'commands: the keyboard shortcuts are missing',
    ]);
    expect(
      problemsOf({ ...builtLike(), commands: { ...(builtLike().commands as object), 'open-everything': {} } }),
    ).toEqual(['command "open-everything" is declared but no code handles it']);
  });

  it('fails on any web-accessible resource', () => {
    const manifest = {
      ...builtLike(),
      web_accessible_resources: [{ resources: ['content-scripts/content.css'], matches: ['<all_urls>'] }],
    };
    expect(problemsOf(manifest)).toEqual([
      'web_accessible_resources: [{"resources":["content-scripts/content.css"],"matches":["<all_urls>"]}] (none is allowed)',
    ]);
  });

  it('fails on a content script beyond http and https pages, or in the page’s world', () => {
    const withScript = (script: object) => ({ ...builtLike(), content_scripts: [script] });
    expect(problemsOf(withScript({ matches: ['<all_urls>'] }))).toEqual(['content_scripts[0] matches "<all_urls>"']);
    expect(problemsOf(withScript({ matches: ['https://*/*', 'file:///*'] }))).toEqual([
      'content_scripts[0] matches "file:///*"',
    ]);
    expect(problemsOf(withScript({ matches: ['*://*/*'] }))).toEqual(['content_scripts[0] matches "*://*/*"']);
    expect(problemsOf(withScript({ matches: ['https://*/*'], world: 'MAIN' }))).toEqual([
      "content_scripts[0] runs in the MAIN world, beside the page's own scripts",
    ]);
  });

  it('does not count an API named in a comment as used', () => {
    const code = "// browser.alarms.create('x')\n/* browser.alarms.clear() */ const url = 'https://a.example/*';\n";
    const text = withoutComments(code, 'x.ts');
    expect(text).not.toContain('browser.alarms');
    expect(text).toContain("const url = 'https://a.example/*';");
    expect(text.split('\n')).toHaveLength(3);
  });
});
