/**
 * Validates requests on receipt. Strict objects: an unknown key (say, a `url`) is a refusal,
 * not something to ignore; tenant ids and months must match the host's patterns.
 */
import { z } from 'zod/mini';
import { MONTH_PATTERN } from '@/lib/month';
import { TENANT_ID_PATTERN, type Request } from '@/lib/protocol';

const tenantId = z.string().check(z.regex(TENANT_ID_PATTERN));
const nullableText = (max: number) => z.nullable(z.string().check(z.maxLength(max)));

const requestSchema = z.discriminatedUnion('op', [
  z.strictObject({
    op: z.literal('session.report'),
    session: z.strictObject({
      token: nullableText(8192),
      userData: nullableText(16384),
      currentTenant: nullableText(64),
    }),
  }),
  z.strictObject({ op: z.literal('access.get') }),
  z.strictObject({ op: z.literal('tenants.get') }),
  z.strictObject({ op: z.literal('tenant.select'), tenantId }),
  z.strictObject({ op: z.literal('tenant.choose'), tenantId }),
  z.strictObject({ op: z.literal('tenant.forget'), tenantId }),
  z.strictObject({
    op: z.literal('billing.get'),
    tenantId: z.optional(tenantId),
    freshness: z.enum(['cached', 'fresh', 'force']),
    month: z.optional(z.string().check(z.regex(MONTH_PATTERN))),
  }),
  z.strictObject({ op: z.literal('page.openFull'), tenantId: z.optional(tenantId) }),
  z.strictObject({ op: z.literal('connection.check') }),
  z.strictObject({ op: z.literal('i18n.catalog'), language: z.enum(['pt-BR', 'en']) }),
]);

export function parseRequest(message: unknown): Request | null {
  const result = requestSchema.safeParse(message);
  return result.success ? result.data : null;
}
