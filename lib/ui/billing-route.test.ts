// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseRoute, tenantHash } from '@/lib/ui/billing-route';

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

  it('reads back what tenantHash writes', () => {
    expect(tenantHash('BELGO-001')).toBe('#tenant=BELGO-001');
    expect(parseRoute(tenantHash('TECH-001', '2026-10'))).toEqual({ kind: 'tenant', tenantId: 'TECH-001', month: '2026-10' });
  });
});
