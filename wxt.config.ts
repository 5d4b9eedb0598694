import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// The covered sites are written once, in utils/hosts.ts: host permissions here, content-script matches
// in each entrypoint. Content scripts declared in the manifest run without host permissions; these are
// for finding and messaging the sites' tabs when the user fetches evidence (utils/evidence/collect-client.ts),
// so the Microsoft sign-in pages, where only an alert runs, are not among them (tests/e2e/manifest.test.ts).
import { SITE_MATCHES } from './utils/hosts';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader sees where each name comes from.
  imports: false,
  manifest: {
    name: 'Mandatory Training Companion',
    description:
      'Renewal due dates, sign-in help and one-click completion evidence for mandatory training on LearnUpon and CybSafe.',
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'notifications', 'sidePanel', 'activeTab'],
    host_permissions: [...SITE_MATCHES.learnupon, ...SITE_MATCHES.cybsafe],
    action: { default_title: 'Mandatory Training Companion' },
    side_panel: { default_path: 'sidepanel.html' },
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
});
