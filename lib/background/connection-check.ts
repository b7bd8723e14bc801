/**
 * "Verificar conexão" in the options page: what the extension sees of the configured
 * dashboard right now. Permission, the page's person and a billing answer (fresh enough to be
 * true), so a person setting up sees which step is missing instead of a blank popup.
 */
import type { ConnectionCheck } from '@/lib/protocol/replies';
import { hasOriginPermission } from '@/lib/dashboard/permission';
import { accessFor } from '@/lib/background/session/access';
import { billing } from '@/lib/background/billing/service';
import type { StoredSession } from '@/lib/background/session/store';

export async function checkConnection(
  origin: string,
  session: StoredSession | null,
): Promise<ConnectionCheck> {
  const permission = await hasOriginPermission(origin);
  if (!permission) return { origin, permission, user: null, role: null, tenant: null, family: null, error: { kind: 'offline' } };
  // The role the host vouches for, else the page's own record of it.
  const access = await accessFor(origin, session);
  const role = (access.ok ? access.value.role : null) ?? session?.pageRole ?? null;
  const base = { origin, permission, user: session?.person ?? null, role };
  const reply = await billing(origin, { op: 'billing.get', freshness: 'fresh' });
  return reply.ok
    ? { ...base, tenant: reply.value.tenant, family: reply.value.snapshot.family, error: null }
    : { ...base, tenant: null, family: null, error: reply.error };
}
