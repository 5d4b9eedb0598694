import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// The covered sites are written once, in utils/hosts.ts: host permissions here, content-script matches
// in each entrypoint.
import { COVERED_MATCHES } from './utils/hosts';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader sees where each name comes from.
  imports: false,
  manifest: {
    name: 'Mandatory Training Companion',
    description:
      'Renewal due dates, sign-in help and one-click completion evidence for mandatory training on LearnUpon and CybSafe.',
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'notifications', 'sidePanel', 'activeTab'],
    host_permissions: COVERED_MATCHES,
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
