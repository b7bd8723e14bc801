/**
 * The alert rules over any run of figures, fed back what they announced as the background does:
 * never twice for one tenant, period, alert and level; never a level at or below one already
 * announced; a new period starts clean; silenced, nothing; what is announced is in force.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alertOf, evaluateAlerts, periodKey, type AlertFigures, type AlertInput, type Announced } from '@/lib/billing/alerts';
import type { Quota } from '@/lib/billing/model';
import { brl } from '@/tests/support/usage';

const KEY = { origin: 'http://localhost:9001', tenantId: 'BELGO-001', period: '2026-12' };

const levels = fc.uniqueArray(fc.integer({ min: 1, max: 500 }), { minLength: 1, maxLength: 6 }).map((l) => [...l].sort((a, b) => a - b));
const quota: fc.Arbitrary<Quota | null> = fc.option(
  fc.record({ used: fc.integer({ min: 0, max: 3_000_000 }), included: fc.integer({ min: 1, max: 1_000_000 }) }),
);
/** One refresh's figures: the cost, budget and estimate move, the levels may be edited in between. */
const figures: fc.Arbitrary<AlertFigures> = fc.record({
  cost: fc.integer({ min: -100, max: 2_000_000 }).map(brl),
  budget: fc.option(fc.integer({ min: 1, max: 1_000_000 }).map(brl)),
  levels,
  estimate: fc.option(fc.integer({ min: 0, max: 5_000_000 }).map(brl)),
  quotas: fc.record({ api: quota, llm: quota, storage: quota, compute: quota }),
});
const kinds = fc.record({ budget: fc.boolean(), estimate: fc.boolean(), quota: fc.boolean() });

/** Runs refreshes one after another, remembering each announcement; answers every input and output. */
function run(steps: AlertFigures[], alertKinds: AlertInput['kinds'], silenced = false, key = KEY) {
  const memory: Announced = {};
  return steps.map((step, at) => {
    const input: AlertInput = { ...key, figures: step, kinds: alertKinds, announced: { ...memory }, silenced };
    const out = evaluateAlerts(input);
    for (const w of out.crossings) memory[`${periodKey(key)} ${alertOf(w)}`] = { level: w.level, at };
    return { input, out };
  });
}

describe('the alert rules, over any run of figures', () => {
  it('never announce one alert at one level twice, nor at or below a level already announced', () => {
    fc.assert(
      fc.property(fc.array(figures, { minLength: 1, maxLength: 15 }), kinds, (steps, alertKinds) => {
        const highest = new Map<string, number>();
        for (const { out } of run(steps, alertKinds)) {
          const now = out.crossings.map(alertOf);
          // At most one level of an alert at a time: the highest reached stands for the rest.
          expect(new Set(now).size).toBe(now.length);
          for (const w of out.crossings) {
            expect(w.level).toBeGreaterThan(highest.get(alertOf(w)) ?? 0);
            highest.set(alertOf(w), w.level);
          }
        }
      }),
    );
  });

  it('announce only what is in force, at the highest level reached, and of a kind the person wants', () => {
    fc.assert(
      fc.property(fc.array(figures, { minLength: 1, maxLength: 5 }), kinds, (steps, alertKinds) => {
        for (const { input, out } of run(steps, alertKinds)) {
          for (const w of out.crossings) expect(out.active).toContain(w);
          for (const w of out.active) {
            expect(alertKinds[w.kind]).toBe(true);
            const limit = w.kind === 'quota' ? w.limit : w.limit.cents;
            const figure = w.kind === 'quota' ? w.figure : w.figure.cents;
            if (w.kind === 'estimate') expect(figure).toBeGreaterThan(limit);
            else expect(Math.max(0, figure) * 100).toBeGreaterThanOrEqual(w.level * limit);
            const higher = w.kind === 'budget' ? input.figures.levels.filter((l) => l > w.level) : w.kind === 'quota' && w.level < 100 ? [100] : [];
            for (const level of higher) expect(Math.max(0, figure) * 100).toBeLessThan(level * limit);
          }
        }
      }),
    );
  });

  it('a new period starts clean: the last period\'s announcements change nothing', () => {
    fc.assert(
      fc.property(fc.array(figures, { minLength: 1, maxLength: 8 }), figures, kinds, (last, first, alertKinds) => {
        const november = { ...KEY, period: '2026-11' };
        const lastPeriod = run(last, alertKinds, false, november).at(-1)!.input.announced;
        const clean = evaluateAlerts({ ...KEY, figures: first, kinds: alertKinds, announced: {}, silenced: false });
        const after = evaluateAlerts({ ...KEY, figures: first, kinds: alertKinds, announced: lastPeriod, silenced: false });
        expect(after).toEqual(clean);
        expect(clean.crossings).toEqual(clean.active);
      }),
    );
  });

  it('silenced, nothing is announced, and the warnings are the same as heard', () => {
    fc.assert(
      fc.property(fc.array(figures, { minLength: 1, maxLength: 5 }), kinds, (steps, alertKinds) => {
        const quiet = run(steps, alertKinds, true);
        for (const { out } of quiet) expect(out.crossings).toEqual([]);
        expect(quiet[0]!.out.active).toEqual(run(steps.slice(0, 1), alertKinds)[0]!.out.active);
      }),
    );
  });
});
