/** Reads the recorded host responses in tests/fixtures/host (docs/host.md says what each shows). */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const SAMPLES_DIR = path.resolve(__dirname, '../fixtures/host');

export interface Sample {
  request: { method: string; path: string; as?: string; json?: unknown };
  status: number;
  content_type: string;
  headers?: Record<string, string>;
  body: unknown;
}

/** File names of every JSON sample, sorted (e.g. "panel-usage.admin.json"). */
export function listSamples(): string[] {
  return readdirSync(SAMPLES_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort();
}

/** One sample by file name, with or without the ".json" suffix. */
export function loadSample(name: string): Sample {
  const file = name.endsWith('.json') ? name : `${name}.json`;
  return JSON.parse(readFileSync(path.join(SAMPLES_DIR, file), 'utf8')) as Sample;
}

/** True when the recorded body is JSON (not a "<n bytes of text/html not stored>" marker). */
export function isJsonSample(sample: Sample): boolean {
  return sample.content_type.startsWith('application/json');
}

/** A tenant v1 invoice page as docs/host.md section 4B describes it (no 200 sample of it exists). */
export const TENANT_V1_INVOICES_PAGE = {
  invoices: [
    {
      invoice_id: 'INV-1',
      invoice_number: 'FAT-2026-0001',
      tenant_id: 'BELGO-001',
      period: '2026-10',
      period_start: '2026-10-01T00:00:00',
      period_end: '2026-10-31T23:59:59',
      status: 'PAID',
      subtotal_cents: 2702,
      discount_cents: 0,
      tax_cents: 0,
      total_cents: 2702,
      total_formatted: 'R$ 27.02',
      due_date: '2026-11-10',
      paid_at: null,
      created_at: '2026-11-01T00:00:00',
    },
    {
      invoice_id: 'INV-2',
      invoice_number: null,
      tenant_id: 'BELGO-001',
      period: '2026-11',
      status: 'open',
      total_cents: 0,
      due_date: null,
      paid_at: null,
      items: [{ description: 'API', amount_cents: 0 }],
    },
  ],
  total: 7,
  page: 1,
  limit: 2,
};
