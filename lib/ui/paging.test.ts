import { describe, expect, it } from 'vitest';
import { pageOf } from '@/lib/ui/paging';

const items = Array.from({ length: 23 }, (_, i) => i + 1);

describe('pageOf', () => {
  it('gives the first, a middle and the last page', () => {
    expect(pageOf(items, 1, 10)).toEqual({ items: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], page: 1, pageCount: 3, total: 23, start: 0 });
    expect(pageOf(items, 2, 10)).toEqual({ items: [11, 12, 13, 14, 15, 16, 17, 18, 19, 20], page: 2, pageCount: 3, total: 23, start: 10 });
    expect(pageOf(items, 3, 10)).toEqual({ items: [21, 22, 23], page: 3, pageCount: 3, total: 23, start: 20 });
  });

  it('clamps pages out of range, fractional and NaN', () => {
    expect(pageOf(items, 0, 10).page).toBe(1);
    expect(pageOf(items, -4, 10).page).toBe(1);
    expect(pageOf(items, 99, 10)).toMatchObject({ page: 3, items: [21, 22, 23] });
    expect(pageOf(items, 2.7, 10).page).toBe(2);
    expect(pageOf(items, Number.NaN, 10).page).toBe(1);
    expect(pageOf(items, Number.POSITIVE_INFINITY, 10).page).toBe(3);
  });

  it('has one empty page for an empty list', () => {
    expect(pageOf([], 1, 10)).toEqual({ items: [], page: 1, pageCount: 1, total: 0, start: 0 });
    expect(pageOf([], 5, 10).page).toBe(1);
  });

  it('exact multiples have no trailing empty page', () => {
    expect(pageOf(items.slice(0, 20), 3, 10)).toMatchObject({ page: 2, pageCount: 2, items: items.slice(10, 20) });
  });

  it('treats invalid sizes as 1 and floors fractional ones', () => {
    expect(pageOf([1, 2, 3], 2, 0)).toMatchObject({ items: [2], pageCount: 3 });
    expect(pageOf([1, 2, 3], 1, Number.NaN)).toMatchObject({ items: [1], pageCount: 3 });
    expect(pageOf([1, 2, 3], 1, 2.9)).toMatchObject({ items: [1, 2], pageCount: 2 });
  });

  it('never changes the input', () => {
    const input = [1, 2, 3];
    const out = pageOf(input, 1, 2);
    out.items.push(99);
    expect(input).toEqual([1, 2, 3]);
  });
});
