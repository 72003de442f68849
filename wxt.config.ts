import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { chromiumPath, chromiumSandboxArgs } from './scripts/chromium-path.mjs';

// `npm start` serves the demo articles and passes their URL here.
const startUrl = process.env.CROSSREAD_START_URL;

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/auto-icons', '@wxt-dev/i18n/module'],
  // Explicit imports keep every module's dependencies visible to readers and to tsc.
  imports: false,
  manifestVersion: 3,
  autoIcons: {
    baseIconPath: 'assets/icon.svg',
    sizes: [128, 48, 32, 16],
  },
  manifest: ({ browser }) => ({
    // UI strings live in locales/<lang>.yml; @wxt-dev/i18n turns them into _locales/<lang>/messages.json,
    // and the browser fills in each __MSG_<key with _ for .>__ in the UI language.
    default_locale: 'en',
    name: '__MSG_common_appName__',
    description: '__MSG_common_appDescription__',
    // alarms: the scheduled dataset refresh. Host access for a dataset URL is asked for one
    // origin at a time, when the user enters the URL (optional_host_permissions).
    permissions: ['storage', 'alarms'],
    optional_host_permissions: ['https://*/*'],
    // Walk the page's mentions from the keyboard; users rebind them in the browser's shortcut settings.
    commands: {
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: '__MSG_card_shortcutNext__',
      },
      'previous-mention': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: '__MSG_card_shortcutPrevious__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'crossread@crossread.dev',
              // Firefox 140 is the first release that understands data_collection_permissions
              // and the CSS Custom Highlight API the highlighter paints with.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android learned data_collection_permissions in 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  vite: () => ({
    plugins: [preact()],
    // CROSSREAD_MINIFY=0 keeps function names readable in profiles (bench/profile-extension.ts).
    build: { minify: process.env.CROSSREAD_MINIFY !== '0' },
  }),
  webExt: {
    binaries: { chrome: chromiumPath },
    chromiumArgs: [...chromiumSandboxArgs(), '--no-first-run', '--disable-background-networking'],
    startUrls: startUrl ? [startUrl] : undefined,
  },
});
