import { defineConfig } from 'wxt';
import tailwindcss from '@tailwindcss/vite';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-svelte', '@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [tailwindcss()],
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'pt_BR',
    // storage: settings and the session cache; alarms: the badge's refresh; notifications:
    // budget alerts; scripting: the overlay on a dashboard origin the person granted at run time.
    permissions: ['storage', 'alarms', 'notifications', 'scripting'],
    // Dashboards in development are reachable by default; any other dashboard origin is
    // requested at run time by the options page, so the install prompt stays minimal.
    host_permissions: ['http://localhost/*', 'http://127.0.0.1/*'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'billing-overlay@fabrica-de-agentes.local',
          // 142: the first Firefox (desktop and Android) that reads data_collection_permissions.
          strict_min_version: '142.0',
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
});
