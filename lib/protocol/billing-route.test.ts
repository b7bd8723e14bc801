// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseRoute, tenantHash } from '@/lib/protocol/billing-route';

const STAGING = 'http://localhost:9002';

describe('parseRoute', () => {
  it('opens the overview, a tenant, or a tenant at a month', () => {
    expect(parseRoute('#overview')).toEqual({ kind: 'overview' });
    expect(parseRoute('#tenant=BELGO-001')).toEqual({ kind: 'tenant', tenantId: 'BELGO-001' });
    expect(parseRoute('#tenant=TECH-001&month=2026-11')).toEqual({ kind: 'tenant', tenantId: 'TECH-001', month: '2026-11' });
    expect(parseRoute('')).toEqual({ kind: 'tenant' });
  });

  it('takes only ids and months the host could be asked about', () => {
    expect(parseRoute('#tenant=../x')).toEqual({ kind: 'tenant' });
    expect(parseRoute('#tenant=TECH-001&month=2026-13')).toEqual({ kind: 'tenant', tenantId: 'TECH-001' });
    expect(parseRoute('#month=2026-11')).toEqual({ kind: 'tenant' });
  });

  it('names a dashboard only by a bare http(s) origin', () => {
    expect(parseRoute(`#tenant=TECH-001&dashboard=${encodeURIComponent(STAGING)}`)).toEqual({ kind: 'tenant', tenantId: 'TECH-001', dashboard: STAGING });
    expect(parseRoute(`#dashboard=${encodeURIComponent(STAGING)}`)).toEqual({ kind: 'tenant', dashboard: STAGING });
    for (const other of [`${STAGING}/`, `${STAGING}/x`, 'javascript:alert(1)', 'http://user:pw@localhost:9002', 'HTTP://LOCALHOST:9002', 'ftp://x.example']) {
      expect(parseRoute(`#tenant=TECH-001&dashboard=${encodeURIComponent(other)}`)).toEqual({ kind: 'tenant', tenantId: 'TECH-001' });
    }
  });

  it('reads back what tenantHash writes', () => {
    expect(tenantHash({ tenantId: 'BELGO-001' })).toBe('#tenant=BELGO-001');
    expect(tenantHash({})).toBe('');
    for (const route of [
      { kind: 'tenant', tenantId: 'TECH-001', month: '2026-10' },
      { kind: 'tenant', tenantId: 'TECH-001', month: '2026-10', dashboard: STAGING },
      { kind: 'tenant', dashboard: STAGING },
    ] as const) {
      expect(parseRoute(tenantHash(route))).toEqual(route);
    }
  });
});
