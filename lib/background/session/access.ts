/**
 * Who may see billing: the host's own permission list is the best signal, then the role from
 * /api/v1/auth/me, then the role claim in the token. Hiding the entry is a convenience (the
 * host enforces access itself), so a missing signal falls back rather than failing.
 * Decisions are cached per origin and token: a new sign-in asks again.
 */
import type { Access } from '@/lib/protocol/replies';
import type { BillingError, Result } from '@/lib/billing/model';
import { identityEndpoints } from '@/lib/host/http/endpoints';
import { hostFetch } from '@/lib/host/http/fetch';
import { decodeJwtClaims, parseAuthMe, parsePermissions, roleCanSeeBilling } from '@/lib/host/normalize';
import { PerSession } from '@/lib/background/session/per-session';
import type { StoredSession } from '@/lib/background/session/store';

/** Decisions per origin and token; one that came from a guess is dropped once it is answered. */
const decisions = new PerSession<Promise<Resolved>>();

const SIGNED_OUT: Access = { signedIn: false, canSeeBilling: false, role: null };
const UNREACHABLE = new Set<BillingError['kind']>(['timeout', 'offline']);

/** Decisions the host made are kept; a guess from the token is asked again next time. */
type Resolved = Result<Access> & { fromHost?: boolean };

async function resolve(origin: string, session: StoredSession): Promise<Resolved> {
  const token = session.token;
  const permissions = await hostFetch(identityEndpoints.permissions(origin), { token });
  if (!permissions.ok && permissions.error.kind === 'signedOut') return { ok: false, error: permissions.error };
  if (permissions.ok) {
    const parsed = parsePermissions(permissions.value);
    if (parsed.ok) return { ok: true, fromHost: true, value: { signedIn: true, ...parsed.value } };
  }
  // The host unreachable: asking /me too would only double the wait before the token decides.
  const unreachable = !permissions.ok && UNREACHABLE.has(permissions.error.kind);
  const me: Result<unknown> = unreachable ? permissions : await hostFetch(identityEndpoints.me(origin), { token });
  if (!me.ok && me.error.kind === 'signedOut') return { ok: false, error: me.error };
  if (me.ok) {
    const parsed = parseAuthMe(me.value);
    if (parsed.ok) {
      const role = parsed.value.role;
      return { ok: true, fromHost: true, value: { signedIn: true, role, canSeeBilling: roleCanSeeBilling(role) } };
    }
  }
  // The host could not tell (down, or both endpoints broken): the token's own claim decides.
  const role = decodeJwtClaims(token)?.role ?? session.pageRole;
  if (!role) return { ok: false, error: permissions.ok ? { kind: 'badResponse', detail: 'no role' } : permissions.error };
  return { ok: true, value: { signedIn: true, role, canSeeBilling: roleCanSeeBilling(role) } };
}

export async function accessFor(origin: string, session: StoredSession | null): Promise<Result<Access>> {
  if (!session) return { ok: true, value: SIGNED_OUT };
  let decision = decisions.get(origin, session.token);
  if (!decision) {
    // Kept as a promise, so a page's report and the billing request behind it ask the host once.
    const asking = resolve(origin, session).then((resolved) => {
      if (!resolved.ok || !resolved.fromHost) decisions.deleteIf(origin, session.token, asking);
      return resolved;
    });
    decisions.set(origin, session.token, asking);
    decision = asking;
  }
  const resolved = await decision;
  return resolved.ok ? { ok: true, value: resolved.value } : { ok: false, error: resolved.error };
}

export function forgetAccess(origin: string): void {
  decisions.forget(origin);
}
