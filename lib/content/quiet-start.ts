/**
 * Keeps WXT's content-script context from talking to the page. In WXT 0.20 each context, built
 * by WXT's entry wrapper before `main` runs, posts `{ type: '<extension id>:dashboard:wxt:
 * content-script-started' }` to the page's window with target "*" (stopOldScripts), and ends
 * itself when it hears that message again (listenForNewerScripts). So every page the script runs
 * on — in Firefox any port of the dashboard's host, whose match patterns carry no port — could
 * tell the extension is installed, and could post the message to tear the overlay down. WXT
 * 0.20.9 has no option for it; evaluated as the entry point's import, this module silences both
 * methods before that context is built.
 *
 * What they were for, ending an older copy of the script, holds without the page: after a reload
 * or update an old copy's `runtime.id` reads undefined, which the context checks on every tick of
 * its timers (the session poll, lib/content/page-session.ts), and then ends, taking down all it
 * mounted; a new copy removes whatever an old one could not (overlay.ts, sidebarReady).
 */
import { ContentScriptContext } from 'wxt/utils/content-script-context';

const { prototype } = ContentScriptContext;
prototype.stopOldScripts = prototype.listenForNewerScripts = () => undefined;
