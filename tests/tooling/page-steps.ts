/**
 * The steps every browser driver takes the same way (Playwright in Chromium, puppeteer over
 * WebDriver BiDi in Firefox): what a sign-in leaves in the dashboard's page, the settings the
 * options page would write, and what the tests read from a page. The in-page functions are
 * serialised into the browser by `evaluate`, so each one stands alone: no imports, no closures,
 * and no named inner functions (tsx wraps those in a `__name` helper the browser lacks).
 */
import { findAccount } from '../replica/accounts';

export type AccountName =
  | 'belgo_admin' | 'tech_admin' | 'tech_dev' | 'consultor' | 'startup_dev' | 'platform_admin' | 'admin';

export function passwordOf(account: AccountName): string {
  const found = findAccount(account);
  if (!found) throw new Error(`no such replica account: ${account}`);
  return found.password;
}

/** The tenant the person belongs to, the one they confirm in the chooser; false for none. */
export function ownTenant(account: AccountName): string | false {
  return findAccount(account)?.tenants[0] ?? false;
}

/** What the host's session keys in the page's localStorage hold after a sign-in. */
export type PageSessionEntries = Record<'auth_token' | 'user_data' | 'current_tenant', string>;

/**
 * Signs `account` in through the host's legacy login API, whose token carries tenant claims (with
 * it the host loads projects, and so shows its Analytics section), and returns what the page
 * keeps of it, for `storePageSession`.
 */
export async function legacySession(origin: string, account: AccountName): Promise<PageSessionEntries> {
  const response = await fetch(origin + '/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: account, password: passwordOf(account) }),
  });
  if (!response.ok) throw new Error(`login ${account} failed: ${response.status}`);
  const body = (await response.json()) as { access_token: string; username: string; role: string; tenant_id?: string };
  return {
    auth_token: body.access_token,
    user_data: JSON.stringify({ username: body.username, role: body.role }),
    current_tenant: body.tenant_id ?? 'BELGO-001',
  };
}

/** In the dashboard's page: keeps a session as the host's own login does. */
export function storePageSession(entries: PageSessionEntries): void {
  for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
}

/**
 * In an extension context: points the extension at a dashboard origin, as the options page would;
 * with `keepOtherSettings` false, from a clean slate (as just installed) instead.
 */
export async function storeDashboardOrigin(dashboardOrigin: string, keepOtherSettings = true): Promise<void> {
  const storage = (globalThis as any).chrome.storage.local;
  if (!keepOtherSettings) await storage.clear();
  const current = (await storage.get('settings')).settings ?? {};
  const defaults = {
    refreshMinutes: 5,
    budgetCents: null,
    budgetLevels: [50, 80, 100],
    alertKinds: { budget: true, estimate: true, quota: true },
    tenantBudgets: [],
    language: 'auto',
  };
  // That one dashboard only (dashboards: [] watches the chosen one alone).
  await storage.set({ settings: { ...defaults, ...current, dashboards: [], dashboardOrigin }, settings$: { v: 6 } });
}

/** In an extension context: some settings changed as the options page would store them, the rest kept. */
export async function storeSettings(change: Record<string, unknown>): Promise<void> {
  const storage = (globalThis as any).chrome.storage.local;
  const current = (await storage.get('settings')).settings;
  await storage.set({ settings: { ...current, ...change } });
}

/**
 * In an extension page: the person's one-time confirmation of their tenant, through the same
 * request the chooser's button sends. Waits for the dashboard tab to have reported the session;
 * does nothing where the host vouches for a tenant or billing is refused. Says what happened.
 */
export async function confirmTenantInExtension(tenantId: string): Promise<string> {
  const runtime = (globalThis as any).chrome.runtime;
  const deadline = Date.now() + 15_000;
  for (;;) {
    const list = await runtime.sendMessage({ op: 'tenants.get' });
    if (list.ok && list.value.tenants.length > 0) return 'vouched';
    if (list.ok) return (await runtime.sendMessage({ op: 'tenant.choose', tenantId })).ok ? 'chosen' : 'refused';
    if (list.error.kind !== 'signedOut') return list.error.kind;
    if (Date.now() > deadline) return 'the dashboard never reported a session';
    // Not a fixed sleep standing in for a condition: the condition is polled, this paces it.
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Fails a sign-in whose tenant confirmation (`confirmTenantInExtension`) went wrong. */
export function tenantConfirmed(tenantId: string, outcome: string): void {
  if (outcome === 'refused' || outcome === 'the dashboard never reported a session') {
    throw new Error(`confirming ${tenantId}: ${outcome}`);
  }
}

/** In an extension context: the toolbar badge's text and colour (#rrggbb), from the extension's own API. */
export async function badgeInExtension(): Promise<{ text: string; color: string }> {
  const action = (globalThis as any).chrome.action;
  const [text, color] = await Promise.all([action.getBadgeText({}), action.getBadgeBackgroundColor({})]);
  return { text, color: `#${color.slice(0, 3).map((c: number) => c.toString(16).padStart(2, '0')).join('')}` };
}

/** In the dashboard's page: how many entries there are, and the title of the sidebar section right before the first. */
export function entryPlacementInPage(): { count: number; after: string | null } {
  const entries = document.querySelectorAll('billing-overlay-entry');
  const previous = entries[0]?.previousElementSibling;
  const title = previous?.querySelector(':scope > h3')?.textContent?.trim();
  return { count: entries.length, after: previous ? (title ?? previous.className) : null };
}

/**
 * In the dashboard's page, before any page script runs: records whether our entry or modal was
 * ever attached to the document, even for one frame, in `window.__overlaySeen`.
 */
export function recordOverlaySightings(): void {
  (window as any).__overlaySeen = false;
  new MutationObserver(() => {
    if (document.querySelector('billing-overlay-entry, billing-overlay-modal')) (window as any).__overlaySeen = true;
  }).observe(document, { childList: true, subtree: true });
}

/** In any page: the mean luminance (0 dark .. 255 light) of a base64 PNG, decoded by the browser itself. */
export async function meanLuminanceOfPng(base64: string): Promise<number> {
  const image = new Image();
  image.src = `data:image/png;base64,${base64}`;
  await image.decode();
  const canvas = new OffscreenCanvas(image.width, image.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(image, 0, 0);
  const { data } = context.getImageData(0, 0, image.width, image.height);
  let sum = 0;
  for (let i = 0; i < data.length; i += 4) sum += 0.2126 * data[i]! + 0.7152 * data[i + 1]! + 0.0722 * data[i + 2]!;
  return sum / (data.length / 4);
}
