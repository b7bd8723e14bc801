/** API calls by endpoint: the most called, then the rest as one row. */
import { describe, expect, it } from 'vitest';
import { topEndpoints } from '@/lib/billing/endpoint-calls';

describe('calls by endpoint', () => {
  it('the top five endpoints and the rest as one row', () => {
    const calls = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((endpoint, i) => ({ endpoint, calls: 70 - i * 10 }));
    expect(topEndpoints(calls)).toEqual({ top: calls.slice(0, 5), others: 20 + 10 });
    expect(topEndpoints(calls.slice(0, 4))).toEqual({ top: calls.slice(0, 4), others: null });
  });
});
