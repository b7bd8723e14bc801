/**
 * zod/mini building blocks for the host's JSON, and the schemas of its identity answers; each
 * billing family's own schemas live beside its parsers (lib/host/families/). Written from the
 * recorded samples (tests/fixtures/host) and docs/host.md: only the fields the extension reads
 * plus what recognises each shape; extra keys are allowed and dropped. Loose where the host is
 * loose (nullable dates, optional extras), strict on what we display: amounts and counts
 * finite, counts and cents safe integers, usage never negative (an invoice may be: a credit note).
 */
import { z } from 'zod/mini';

/** Largest reais amount whose cents still fit in a safe integer. */
const MAX_REAIS = Number.MAX_SAFE_INTEGER / 100;
/** Ceiling for measured quantities (GB, hours, MB, minutes, percentages): finite and sane. */
const MAX_QUANTITY = 1e15;

/** Float reais (panel family). */
export const reais = z.number().check(z.minimum(0), z.maximum(MAX_REAIS));
/** An invoice's float reais: negative for a credit note. */
export const signedReais = z.number().check(z.minimum(-MAX_REAIS), z.maximum(MAX_REAIS));
/**
 * A safe integer. Not `z.int()`, whose number-format check costs the background ~0.2 KB gzip:
 * the refinement it already ships, and two bounds. lib/host/result.ts words the issue as for an int.
 */
const int = () =>
  z.number().check(
    z.refine(Number.isInteger, { params: { integer: true } }),
    z.minimum(-Number.MAX_SAFE_INTEGER),
    z.maximum(Number.MAX_SAFE_INTEGER),
  );
/** Integer cents (v1 families). */
export const cents = int().check(z.minimum(0));
/** An invoice's integer cents: negative for a credit note. */
export const signedCents = int();
/** Whole counts: calls, tokens, days. */
export const count = int().check(z.minimum(0));
/** Non-negative measured quantity (may be fractional). */
export const quantity = z.number().check(z.minimum(0), z.maximum(MAX_QUANTITY));
/** Optional, nullable text (dates, labels the host sometimes leaves out). */
export const maybeText = z.optional(z.nullable(z.string()));

// ------------------------------------------------------------------- identity and tenants

/** `GET /api/user/permissions`. */
export const PermissionsSchema = z.object({
  role: z.string(),
  permissions: z.optional(
    z.nullable(z.object({ billing: z.optional(z.nullable(z.array(z.string()))) })),
  ),
});

/** `GET /api/v1/auth/me` (`email` is null on the reference host). */
export const AuthMeSchema = z.object({
  username: maybeText,
  role: z.string(),
});

/** `GET /api/user/tenants`. */
export const UserTenantsSchema = z.object({
  tenants: z.array(
    z.object({
      tenant_id: z.string(),
      name: maybeText,
      is_platform: z.optional(z.nullable(z.boolean())),
      branding: z.optional(
        z.nullable(z.object({ primary_color: maybeText, display_name: maybeText })),
      ),
    }),
  ),
  current: maybeText,
});
