import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// The four covered sites. Host permissions and content-script matches come from here only.
export const COVERED_HOSTS = [
  'https://*.learnupon.com/*',
  'https://app.cybsafe.com/*',
  'https://myapps.microsoft.com/*',
  'https://login.microsoftonline.com/*',
];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader sees where each name comes from.
  imports: false,
  manifest: {
    name: 'Mandatory Training Companion',
    description:
      'Renewal due dates, sign-in help and one-click completion evidence for mandatory training on LearnUpon and CybSafe.',
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'notifications', 'sidePanel', 'activeTab'],
    host_permissions: COVERED_HOSTS,
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
