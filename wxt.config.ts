import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { resolve } from 'node:path';

// The covered sites are written once, in utils/hosts.ts: host permissions here, content-script matches
// in each entrypoint. Content scripts declared in the manifest run without host permissions; these are
// for finding and messaging the sites' tabs when the user fetches evidence (utils/evidence/collect-client.ts),
// so the Microsoft sign-in pages, where only an alert runs, are not among them (tests/e2e/manifest.test.ts).
import { SITE_MATCHES } from './utils/hosts';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader sees where each name comes from.
  imports: false,
  // The version is package.json's (WXT copies it), so `npm version` bumps it in one place.
  manifest: {
    // The store's convention: name and description in public/_locales/en_GB/messages.json.
    default_locale: 'en_GB',
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    // Drawn from scripts/icons/icon.svg by `npm run icons`; public/icon/attention/ holds the toolbar's
    // "something to renew" state.
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    // `scripting`: the LearnUpon scripts the user asks for are put in the page then (utils/data/on-request.ts).
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'notifications', 'sidePanel', 'activeTab', 'scripting'],
    host_permissions: [...SITE_MATCHES.learnupon, ...SITE_MATCHES.cybsafe],
    action: { default_title: '__MSG_extName__', default_icon: { 16: 'icon/16.png', 32: 'icon/32.png' } },
    side_panel: { default_path: 'sidepanel.html' },
    // The organisation's settings by policy (chrome.storage.managed): the schema Chrome checks them by.
    // utils/store/policy.ts reads them; docs/administrators.md says how to set them.
    storage: { managed_schema: 'managed_schema.json' },
    commands: {
      'capture-page': {
        suggested_key: { default: 'Alt+Shift+E' },
        description: 'Capture this page as evidence',
      },
    },
  },
  vite: () => ({
    plugins: [preact()],
  }),
  hooks: {
    // The badges' script first, the sign-in doctor's after it, where a page gets both: Chrome runs a page's
    // scripts in the manifest's order, so the badges' script starts the page's one reading of the state
    // (utils/content/state.ts) sooner and its read after `load` goes first (issue 15: `load` → badges).
    'build:manifestGenerated'(_wxt, manifest) {
      for (const entry of manifest.content_scripts ?? []) {
        entry.js?.sort((a, b) => Number(a.endsWith('-doctor.js')) - Number(b.endsWith('-doctor.js')));
      }
    },
    // Content scripts get Chrome's own promise API with the polyfill's message conventions
    // (utils/content/browser.ts) instead of webextension-polyfill: each one loads on every page.
    'vite:build:extendConfig'(entrypoints, config) {
      if (!entrypoints.every((e) => e.type === 'content-script')) return;
      const aliases = config.resolve?.alias ?? [];
      const list = Array.isArray(aliases) ? aliases : Object.entries(aliases).map(([find, replacement]) => ({ find, replacement }));
      config.resolve = { ...config.resolve, alias: [{ find: /^wxt\/browser$/, replacement: resolve(import.meta.dirname, 'utils/content/browser.ts') }, ...list] };
      // Terser, not esbuild, minifies them: they load on every page of the sites and each has a gzipped
      // budget (issue 15); terser's whole-script renaming and second pass make them about 6% smaller.
      // MTC_READABLE=1 leaves them unminified, so a profile names the functions (README, "Performance").
      config.build = { ...config.build, minify: process.env.MTC_READABLE ? false : 'terser', terserOptions: { ecma: 2020, compress: { passes: 2 } } };
    },
  },
});
