/**
 * The currency of the host's money.
 *
 * No usage body from the host names a currency: the panel family sends bare reais floats, the
 * v1 families send `*_cents` plus a `total_formatted` like "R$ 27.02". Only panel invoices
 * carry `currency` ("BRL"). The host is Brazilian and docs/host.md section 4 states the
 * currency is BRL, so this is the fallback whenever the data itself does not say.
 */
export const HOST_CURRENCY = 'BRL';

/** A 3-letter ISO 4217 code from the data (case and spaces forgiven), else HOST_CURRENCY. */
export function currencyOrDefault(raw: unknown): string {
  if (typeof raw !== 'string' || raw.length > 10) return HOST_CURRENCY;
  const code = raw.trim().toUpperCase();
  return /^[A-Z]{3}$/.test(code) ? code : HOST_CURRENCY;
}
