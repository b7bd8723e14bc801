/**
 * The outcome of reading one host response: the model value, or a short English reason that
 * names the first thing that was wrong. The reason never quotes the host's data.
 */

import type { ZodMiniType } from 'zod/mini';
import { stripInvisible } from '@/lib/billing/host-text';
import type { Result } from '@/lib/billing/model';

export type BadResponse = { kind: 'badResponse'; detail: string };
/** A read of one host answer: the model value, or what was wrong with the answer. */
export type Read<T> = Result<T, BadResponse>;

/** Longest text kept from the host for ids, numbers, periods, names, dates and messages. */
export const MAX_TEXT = 200;

/** Most list entries kept (invoices, timeline points), so a hostile answer cannot flood the UI. */
export const MAX_ITEMS = 1000;

export function ok<T>(value: T): Read<T> {
  return { ok: true, value };
}

export function bad<T = never>(detail: string): Read<T> {
  return { ok: false, error: { kind: 'badResponse', detail: clip(detail) } };
}

/** Cuts a string to `max` characters (ending in "…"), without leaving half a surrogate pair. */
export function clip(text: string, max: number = MAX_TEXT): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end) + '…';
}

/** Rounds to one decimal place (MB and minutes derived from floats). */
export function oneDecimal(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * Host text meant for people (names, numbers, periods, dates, statuses, endpoints): nothing that
 * could reorder or hide it (lib/billing/host-text.ts), then clipped. Ids go through `clip` alone.
 */
export function hostText(text: string, max: number = MAX_TEXT): string {
  return clip(stripInvisible(text), max);
}

export function hostTextOrNull(text: string | null | undefined): string | null {
  return typeof text === 'string' ? hostText(text) : null;
}

/** The parts of a zod issue we read; typed loosely so this file does not depend on zod's types. */
interface IssueLike {
  code?: string;
  path?: readonly PropertyKey[];
  expected?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  origin?: unknown;
  input?: unknown;
  params?: { integer?: unknown };
}

function describeInput(input: unknown): string {
  if (input === undefined) return 'missing';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'number') {
    if (Number.isNaN(input)) return 'NaN';
    if (!Number.isFinite(input)) return 'Infinity';
    return Number.isInteger(input) ? 'integer' : 'number';
  }
  return typeof input;
}

function formatPath(label: string, path: readonly PropertyKey[] | undefined): string {
  let out = label;
  for (const key of path ?? []) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += `.${hostText(String(key), 40)}`;
  }
  return out;
}

function describeIssue(issue: IssueLike): string {
  const expected = typeof issue.expected === 'string' ? issue.expected : 'another type';
  switch (issue.code) {
    case 'invalid_type': {
      const got = describeInput(issue.input);
      if (got === 'missing') return `missing (expected ${expected})`;
      if (expected === 'int') return `expected integer, got ${got}`;
      return `expected ${expected}, got ${got}`;
    }
    case 'too_small':
      return issue.origin === 'string' || issue.origin === 'array'
        ? 'too short'
        : `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'string' || issue.origin === 'array' ? 'too long' : 'too large';
    case 'invalid_format':
      return 'badly formatted';
    case 'invalid_value':
      return 'unexpected value';
    case 'custom':
      // lib/host/schemas.ts's integers: a refinement rather than zod's int format
      return issue.params?.integer === true ? `expected integer, got ${describeInput(issue.input)}` : 'invalid';
    case 'not_multiple_of':
      return 'not a whole step';
    default:
      return 'invalid';
  }
}

/** "usage.cost.total: expected number, got string" from the first issue of a failed parse. */
export function issueDetail(label: string, issues: readonly IssueLike[] | undefined): string {
  const first = issues?.[0];
  if (!first) return `${label}: invalid`;
  return clip(`${formatPath(label, first.path)}: ${describeIssue(first)}`);
}

/**
 * Validates `json` with `schema` and maps it with `build`. Never throws: a schema failure, or
 * an exception while building (e.g. an amount too large for cents), becomes `badResponse`.
 */
export function parseWith<S, T>(
  label: string,
  schema: ZodMiniType<S>,
  json: unknown,
  build: (data: S) => T,
): Read<T> {
  try {
    const parsed = schema.safeParse(json, { reportInput: true });
    if (!parsed.success) return bad(issueDetail(label, parsed.error.issues));
    return ok(build(parsed.data));
  } catch (error) {
    const reason = error instanceof RangeError ? 'amount out of range' : 'could not be read';
    return bad(`${label}: ${reason}`);
  }
}
