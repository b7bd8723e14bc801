// The host's page: the same Vue-in-browser HTML at /, /kanban, ...; /login; static assets; /sw.js.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Ctx } from './context.ts';
import { send, sendHtml } from './headers.ts';

const PAGE_DIR = fileURLToPath(new URL('./page/', import.meta.url));
const VUE_PATH = createRequire(import.meta.url).resolve('vue/dist/vue.global.prod.js');

/** Paths serving the dashboard page (the host serves the same HTML on all of them). */
export const PAGE_PATHS = ['/', '/kanban', '/stories', '/admin', '/analytics', '/settings', '/projects', '/tasks'];

const cache = new Map<string, Buffer>();
function file(path: string): Buffer {
  // Re-read page files on every request only when REPLICA_DEV is set (handy while editing).
  let b = process.env.REPLICA_DEV ? undefined : cache.get(path);
  if (!b) {
    b = readFileSync(path);
    cache.set(path, b);
  }
  return b;
}

const STATIC: Record<string, [string, string]> = {
  '/static/vue.global.prod.js': [VUE_PATH, 'application/javascript; charset=utf-8'],
  '/static/replica.css': [PAGE_DIR + 'replica.css', 'text/css; charset=utf-8'],
  '/static/app.js': [PAGE_DIR + 'app.js', 'application/javascript; charset=utf-8'],
  '/static/login.js': [PAGE_DIR + 'login.js', 'application/javascript; charset=utf-8'],
};

function logoSvg(label: string, bg: string, fg: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="${bg}"/><text x="32" y="41" font-family="Arial,sans-serif" font-size="24" font-weight="700" text-anchor="middle" fill="${fg}">${label}</text></svg>`;
}
const LOGOS: Record<string, string> = {
  'belgo.svg': logoSvg('BA', '#003B4A', '#FF6C00'),
  'techcorp.svg': logoSvg('TC', '#6366F1', '#FFFFFF'),
  'startupx.svg': logoSvg('SX', '#10B981', '#FFFFFF'),
  'platform.svg': logoSvg('PA', '#1E293B', '#3B82F6'),
  'default.svg': logoSvg('FA', '#003B4A', '#FFFFFF'),
};

const SW = `// replica service worker: registered by the page, intercepts nothing.
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()));
`;

export async function pageRoutes(ctx: Ctx): Promise<boolean> {
  const { res, path, method } = ctx;
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (PAGE_PATHS.includes(path) || PAGE_PATHS.includes(path.replace(/\/$/, ''))) {
    sendHtml(res, 200, file(PAGE_DIR + 'index.html').toString('utf8'));
    return true;
  }
  if (path === '/login' || path === '/login/') {
    sendHtml(res, 200, file(PAGE_DIR + 'login.html').toString('utf8'));
    return true;
  }
  const st = STATIC[path];
  if (st) {
    send(res, 200, file(st[0]), st[1], { headers: { 'cache-control': 'no-cache' } });
    return true;
  }
  if (path === '/sw.js') {
    send(res, 200, SW, 'application/javascript; charset=utf-8', { headers: { 'service-worker-allowed': '/' } });
    return true;
  }
  const logo = /^\/static\/logos\/([a-z0-9_-]+\.(svg|png))$/.exec(path);
  if (logo) {
    // platform.png is referenced by the host; serve the SVG art for any logo name.
    const svg = LOGOS[logo[1]!.replace(/\.png$/, '.svg')] ?? LOGOS['default.svg']!;
    send(res, 200, svg, 'image/svg+xml');
    return true;
  }
  if (path === '/favicon.ico') {
    send(res, 200, LOGOS['default.svg']!, 'image/svg+xml');
    return true;
  }
  return false;
}
