// For its effect, which must come before WXT's wrapper builds the context `main` gets: any
// module this one imports is evaluated before that.
import '@/lib/content/quiet-start';
import { startOverlay } from '@/lib/content/overlay';
import { reportPageSession } from '@/lib/content/session-reporter';
import { waitForSidebar } from '@/lib/content/dashboard-dom';
import { dashboardsOf, readSettings } from '@/lib/storage/content-script-read';
import { followLanguageChoice } from '@/lib/i18n/follow-language';

// Registered at run time for the dashboards' origins only (lib/dashboard/registration.ts);
// `matches` here only names the development hosts the manifest may reach from install. Where
// match patterns have no port (Firefox) the origin check below keeps it idle on other ports.
export default defineContentScript({
  matches: ['http://localhost/*', 'http://127.0.0.1/*'],
  registration: 'runtime',
  // The session is in the page's localStorage from the first byte: reported before the host's
  // own scripts run, the background checks access and fetches the figures while the page is
  // still building. Only the entry waits, for the sidebar Vue mounts.
  runAt: 'document_start',
  // The overlay's CSS goes into its shadow roots, handed over by the background
  // (lib/background/overlay-stylesheet.ts), so no extension file has to be web-accessible to the
  // dashboard, whatever its origin.
  cssInjectionMode: 'manual',
  async main(ctx) {
    if (!dashboardsOf(await readSettings()).some((dashboard) => dashboard.origin === location.origin)) return;
    // Started at once: the figures load as soon as the background says who may see them, so
    // the entry has them when the sidebar appears; it is placed only then.
    const overlay = startOverlay(ctx);
    reportPageSession(ctx, (access) => overlay.setAccess(access));
    // The language (and its catalog) loads while the page builds too.
    const language = followLanguageChoice(() => overlay.relabel());
    void language.then((stop) => (ctx.isInvalid ? stop() : ctx.onInvalidated(stop)));
    const sidebar = await waitForSidebar(ctx.signal);
    if (!sidebar || ctx.isInvalid) return;
    await language;
    if (!ctx.isInvalid) overlay.sidebarReady();
  },
});
