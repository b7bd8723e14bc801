import { startOverlay, type Overlay } from '@/lib/content/overlay';
import { reportPageSession } from '@/lib/content/session-reporter';
import { waitForSidebar } from '@/lib/content/dashboard-dom';
import type { Access } from '@/lib/protocol';
import { readSettings } from '@/lib/stored-settings';
import { followLanguageChoice } from '@/lib/ui-language';

// Registered at run time for the configured dashboard origin only (lib/dashboard-registration.ts);
// `matches` here only names the development hosts the manifest may reach from install. Where
// match patterns have no port (Firefox) the origin check below keeps it idle on other ports.
// The overlay waits for the dashboard's sidebar.
export default defineContentScript({
  matches: ['http://localhost/*', 'http://127.0.0.1/*'],
  registration: 'runtime',
  runAt: 'document_idle',
  // The overlay's CSS is inlined into each shadow root (lib/content/overlay-css.ts), so no
  // extension file has to be web-accessible to the dashboard, whatever its origin.
  cssInjectionMode: 'manual',
  async main(ctx) {
    const { dashboardOrigin } = await readSettings();
    if (location.origin !== dashboardOrigin) return;
    let access: Access | null = null;
    let overlay: Overlay | null = null;
    reportPageSession(ctx, (latest) => {
      access = latest;
      overlay?.setAccess(latest);
    });
    const sidebar = await waitForSidebar(ctx.signal);
    if (!sidebar || ctx.isInvalid) return;
    ctx.onInvalidated(await followLanguageChoice(() => overlay?.relabel()));
    overlay = startOverlay(ctx);
    overlay.setAccess(access);
  },
});
