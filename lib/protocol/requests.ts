/**
 * The requests our UIs may send the background, as zod schemas: the one home of their shape
 * (lib/protocol/replies.ts re-exports the types inferred here). Validated on receipt with strict
 * objects: an unknown key (say, a `url`) is a refusal, not something to ignore; tenant ids and
 * months must match the host's patterns. A compromised page must not be able to widen them.
 */
import { z } from 'zod/mini';
import { LANGUAGE_TAGS } from '@/lib/i18n/catalog';
import { MONTH_PATTERN } from '@/lib/billing/month';
import { TENANT_ID_PATTERN } from '@/lib/billing/tenant-id';

const tenantId = z.string().check(z.refine((id) => TENANT_ID_PATTERN.test(id)));
const nullableText = (max: number) => z.nullable(z.string().check(z.maxLength(max)));

/** What a dashboard tab knows about its signed-in person, read from the page's localStorage. */
const pageSessionSchema = z.strictObject({
  token: nullableText(8192),
  /** The page's `user_data` JSON string, as stored (parsed by the background, not trusted). */
  userData: nullableText(16384),
  currentTenant: nullableText(64),
});

/**
 * How fresh an answer must be. `cached`: whatever is cached, at once (a refresh starts behind
 * it when stale); `fresh`: wait for data younger than the refresh interval; `force`: wait for
 * a new answer from the host.
 */
const freshnessSchema = z.literal(['cached', 'fresh', 'force']);

/**
 * One strict schema per op, chosen by the message's `op` before anything else is read: a
 * discriminated union without zod's union code, which cost the background ~0.7 KB gzip. Each
 * schema names its own op again, so a key that does not match its schema refuses every message.
 */
const requestSchemas = {
  'session.report': z.strictObject({ op: z.literal('session.report'), session: pageSessionSchema }),
  'access.get': z.strictObject({ op: z.literal('access.get') }),
  'tenants.get': z.strictObject({ op: z.literal('tenants.get') }),
  'tenant.select': z.strictObject({ op: z.literal('tenant.select'), tenantId }),
  /** The person says this tenant is theirs (confirmed in a chooser, or typed in the options page). */
  'tenant.choose': z.strictObject({ op: z.literal('tenant.choose'), tenantId }),
  /** The person takes back a tenant they had chosen. */
  'tenant.forget': z.strictObject({ op: z.literal('tenant.forget'), tenantId }),
  /** `month` ("YYYY-MM"): that month's usage; without it, the current month's snapshot. */
  'billing.get': z.strictObject({
    op: z.literal('billing.get'),
    tenantId: z.optional(tenantId),
    freshness: freshnessSchema,
    month: z.optional(z.string().check(z.refine((month) => MONTH_PATTERN.test(month)))),
  }),
  /** Opens the extension's full billing page in a new tab (a content script cannot). */
  'page.openFull': z.strictObject({ op: z.literal('page.openFull'), tenantId: z.optional(tenantId) }),
  /** What the extension sees of the dashboard, for the options page. */
  'connection.check': z.strictObject({ op: z.literal('connection.check') }),
  /** The message catalog of a language chosen over the browser's (content scripts cannot read it). */
  'i18n.catalog': z.strictObject({ op: z.literal('i18n.catalog'), language: z.literal(LANGUAGE_TAGS) }),
  /** The overlay's stylesheet, for a dashboard tab whose person may see billing. */
  'overlay.css': z.strictObject({ op: z.literal('overlay.css') }),
  /** A tenant's alerts in force (the active tenant's by default), for our own pages. */
  'alerts.get': z.strictObject({ op: z.literal('alerts.get'), tenantId: z.optional(tenantId) }),
  /** "Silenciar este mês": a tenant's alerts silenced until its period ends, or again heard. */
  'alerts.silence': z.strictObject({ op: z.literal('alerts.silence'), tenantId, silenced: z.boolean() }),
  /** The options page saved an address (maybe the same one): the overlay's registration is made to match it. */
  'overlay.register': z.strictObject({ op: z.literal('overlay.register') }),
};

type RequestSchemas = typeof requestSchemas;

export type PageSession = z.infer<typeof pageSessionSchema>;
export type Freshness = z.infer<typeof freshnessSchema>;
export type Request = { [Op in keyof RequestSchemas]: z.infer<RequestSchemas[Op]> }[keyof RequestSchemas];

/**
 * A message is a request, maybe with the `dashboard` it is about beside it (lib/protocol/ask.ts):
 * the two apart, so the request's own strict schema never sees the envelope's key. Who may name a
 * dashboard, and which, is the sender's check (lib/background/sender.ts).
 */
export function splitEnvelope(message: unknown): { dashboard?: unknown; request: unknown } {
  if (typeof message !== 'object' || message === null || !Object.hasOwn(message, 'dashboard')) return { request: message };
  const { dashboard, ...request } = message as { dashboard: unknown };
  return { dashboard, request };
}

export function parseRequest(message: unknown): Request | null {
  const op: unknown = typeof message === 'object' && message !== null ? (message as { op?: unknown }).op : undefined;
  if (typeof op !== 'string' || !Object.hasOwn(requestSchemas, op)) return null;
  const result = requestSchemas[op as keyof RequestSchemas].safeParse(message);
  return result.success ? result.data : null;
}
