// @vitest-environment node
/**
 * Every recorded host answer against every reader normalize.ts gathers: each 200-JSON sample
 * goes through the reader the extension would use for it (a new one nobody mapped fails the
 * suite), none makes any reader throw, and no error answer reads as data. The exact figures
 * are checked beside each family (families/*.test.ts, identity.test.ts).
 */
import { describe, expect, it } from 'vitest';
import {
  decodeJwtClaims,
  normalizeAdminV1Usage,
  normalizePanelInvoices,
  normalizePanelUsage,
  normalizeProjections,
  normalizeTenantV1Breakdown,
  normalizeTenantV1Usage,
  normalizeTimeline,
  parseAuthMe,
  parsePermissions,
  parseUserTenants,
  type Read,
} from '@/lib/host/normalize';
import { isJsonSample, listSamples, loadSample, type Sample } from '@/tests/support/samples';

type Reader = (body: unknown) => Read<unknown>;

/** Reads the access token of a login answer: a Result so it fits the table. */
function readLoginToken(body: unknown): Read<unknown> {
  const token = (body as { access_token?: unknown } | null)?.access_token;
  const claims = typeof token === 'string' ? decodeJwtClaims(token) : null;
  return claims
    ? { ok: true, value: claims }
    : { ok: false, error: { kind: 'badResponse', detail: 'no token' } };
}

/** 200-JSON samples the extension reads, by file-name pattern. */
const READERS: [RegExp, Reader][] = [
  [/^panel-usage\./, normalizePanelUsage],
  [/^panel-invoices\./, normalizePanelInvoices],
  [/^panel-projections\./, normalizeProjections],
  [/^panel-timeline\./, normalizeTimeline],
  [/^v1-current-usage(-daily)?\./, normalizeTenantV1Usage],
  [/^v1-admin-usage\./, normalizeAdminV1Usage],
  [/^v1-usage-breakdown\./, normalizeTenantV1Breakdown],
  [/^user-permissions\./, parsePermissions],
  [/^auth-me\./, parseAuthMe],
  [/^user-tenants\./, parseUserTenants],
  [/^login-(v1|legacy)\./, readLoginToken],
];

/** 200-JSON samples of endpoints the extension never calls (or calls only as POSTs it avoids). */
const NOT_USED: RegExp[] = [
  /^platform-tenants\./,
  /^user-persona\./,
  /^tenants\./,
  /^tenant-current\./,
  /^user-current-tenant\./,
  /^v1-usage-events\./,
  /^v1-summary\./,
  /^v1-admin-generate-invoice\./,
];

const all = listSamples().map((name) => [name, loadSample(name)] as [string, Sample]);
const okJson = all.filter(([, s]) => s.status === 200 && isJsonSample(s));
const errorJson = all.filter(([, s]) => s.status >= 400 && isJsonSample(s));
const notJson = all.filter(([, s]) => !isJsonSample(s));

function readerFor(name: string): Reader | undefined {
  return READERS.find(([pattern]) => pattern.test(name))?.[1];
}

describe('sample coverage', () => {
  it('finds the samples directory', () => {
    expect(all.length).toBeGreaterThan(40);
    expect(okJson.length).toBeGreaterThan(15);
  });

  it('maps every 200-JSON sample to a reader or to the not-used list', () => {
    const unmapped = okJson
      .map(([name]) => name)
      .filter((name) => !readerFor(name) && !NOT_USED.some((p) => p.test(name)));
    expect(unmapped).toEqual([]);
  });

  it.each(okJson.filter(([name]) => readerFor(name)))('%s reads ok', (name, sample) => {
    const result = readerFor(name)!(sample.body);
    expect(result.ok ? 'ok' : result.error.detail).toBe('ok');
  });

  it.each(okJson)('%s never makes any reader throw', (_name, sample) => {
    for (const [, reader] of READERS) expect(() => reader(sample.body)).not.toThrow();
  });
});

describe('error samples', () => {
  it.each([...errorJson, ...notJson])('%s → every reader refuses it as data', (_name, sample) => {
    for (const [, reader] of READERS) expect(reader(sample.body).ok).toBe(false);
  });
});
