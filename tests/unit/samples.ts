/** Reads the recorded host responses in /work/shared/host/samples (see CONTRACT.md). */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const SAMPLES_DIR = path.resolve(__dirname, '../../../shared/host/samples');

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
