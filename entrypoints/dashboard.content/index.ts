import { startOverlay } from '@/lib/content/overlay';
import { waitForSidebar } from '@/lib/content/dashboard-dom';
import { settingsItem } from '@/lib/settings';
import '@/assets/overlay.css';

// Registered for every localhost page (dashboards in development); other dashboard origins
// are registered at run time by the options page. On any page that is not the configured
// dashboard, or that never mounts the dashboard's sidebar, this does nothing at all.
export default defineContentScript({
  matches: ['http://localhost/*', 'http://127.0.0.1/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  async main(ctx) {
    const { dashboardOrigin } = await settingsItem.getValue();
    if (location.origin !== dashboardOrigin) return;
    const sidebar = await waitForSidebar(ctx.signal);
    if (!sidebar || ctx.isInvalid) return;
    await startOverlay(ctx);
  },
});
