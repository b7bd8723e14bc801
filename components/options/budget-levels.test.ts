/**
 * Whatever a person types into the budget levels, what is saved is a list the settings schema
 * keeps: one it refused would read back as the default levels, silently undoing the change.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_SETTINGS, settingsItem } from '@/lib/storage/settings';
import { SETTING_BOUNDS } from '@/lib/storage/settings-shape';
import { applyLevelChange, levelsText, type LevelChange } from '@/components/options/budget-levels';

const { min, max } = SETTING_BOUNDS.budgetLevel;
const typed = fc.oneof(fc.integer({ min: -1000, max: 2000 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }));
/** Changes as the field makes them: a level typed over one shown, a new one, one removed. */
const change = (shown: number[]): fc.Arbitrary<LevelChange> =>
  fc.oneof(
    fc.record({ from: shown.length ? fc.constantFrom(...shown) : fc.constant(null), to: typed }),
    fc.record({ from: fc.constant(null), to: typed }),
    fc.record({ from: shown.length ? fc.constantFrom(...shown) : fc.constant(null), to: fc.constant(null) }),
  );

describe('applyLevelChange', () => {
  it('gives a list the settings keep as saved (ascending, no repeats, within bounds), after any changes', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 20 }), fc.infiniteStream(typed), (picks, stream) => {
        let levels = [...DEFAULT_SETTINGS.budgetLevels];
        const values = stream.take(picks.length)[Symbol.iterator]();
        for (const pick of picks) {
          const to = values.next().value as number;
          const from = levels.length ? levels[pick % levels.length]! : null;
          const kind = pick % 3;
          const edit = applyLevelChange(levels, kind === 2 ? { from, to: null } : { from: kind === 1 ? null : from, to });
          if (edit.levels.length === 0) continue; // the default list keeps one (BudgetSection)
          levels = edit.levels;
          expect(settingsItem.validate({ ...DEFAULT_SETTINGS, budgetLevels: levels }).budgetLevels).toEqual(levels);
        }
      }),
    );
  });

  it.each([{ shown: [50, 80, 100] }, { shown: [1] }, { shown: [100, 500] }])('says when a typed level was out of range, or already in the list ($shown)', ({ shown }) => {
    fc.assert(
      fc.property(change(shown), (edit) => {
        const { clamped, repeated, levels } = applyLevelChange(shown, edit);
        if (edit.to === null) {
          expect([clamped, repeated]).toEqual([null, null]);
          return;
        }
        expect(clamped !== null).toBe(edit.to < min || edit.to > max);
        const level = clamped?.level ?? Math.round(edit.to);
        expect(levels).toContain(level);
        expect(repeated !== null).toBe(shown.filter((x) => x !== edit.from).includes(level));
      }),
    );
  });

  it('reads as a list in each language', () => {
    expect(levelsText([50, 80, 100], 'pt-BR')).toBe('50%, 80% e 100%');
    expect(levelsText([50, 80, 100], 'en')).toBe('50%, 80%, and 100%');
  });
});
