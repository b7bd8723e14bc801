import { startOverlay, type Overlay } from '@/lib/content/overlay';
import { reportPageSession } from '@/lib/content/session-reporter';
import { waitForSidebar } from '@/lib/content/dashboard-dom';
import type { Access } from '@/lib/protocol';
import { readSettings } from '@/lib/stored-settings';
import { followLanguageChoice } from '@/lib/ui-language';

// Registered at run time for the configured dashboard origin only (lib/dashboard-registration.ts);
// `matches` here only names the development hosts the manifest may reach from install. Where
// match patterns have no port (Firefox) the origin check below keeps it idle on other ports.
export default defineContentScript({
  matches: ['http://localhost/*', 'http://127.0.0.1/*'],
  registration: 'runtime',
  // The session is in the page's localStorage from the first byte: reported before the host's
  // own scripts run, the background checks access and fetches the figures while the page is
  // still building. Only the overlay waits, for the sidebar Vue mounts.
  runAt: 'document_start',
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
    // The language (and its catalog) loads while the page builds, not after the sidebar.
    const language = followLanguageChoice(() => overlay?.relabel());
    void language.then((stop) => (ctx.isInvalid ? stop() : ctx.onInvalidated(stop)));
    const sidebar = await waitForSidebar(ctx.signal);
    if (!sidebar || ctx.isInvalid) return;
    await language;
    if (ctx.isInvalid) return;
    overlay = startOverlay(ctx);
    overlay.setAccess(access);
  },
});
