/**
 * The budget levels as a person edits them (options page) and as they are stored: whole numbers
 * within SETTING_BOUNDS.budgetLevel, ascending, without repeats, at most budgetLevelCount.max (the
 * settings schema refuses anything else, so a list that did not fit would read as the default).
 */
import { SETTING_BOUNDS } from '@/lib/storage/settings-shape';
import { formatPercent } from '@/lib/i18n/format';
import { clampSetting } from '@/components/options/clamp-setting';

export interface LevelsEdit {
  /** What to store (empty: none left). */
  levels: number[];
  /** The typed value, where it was out of range, and what it became. */
  clamped: { typed: number; level: number } | null;
  /** A level typed that was already in the list (stored once). */
  repeated: number | null;
}

/** Ascending, without repeats, within bounds; the highest levels are dropped past the count. */
export function normalizeLevels(typed: readonly number[]): number[] {
  const unique = [...new Set(typed.map((level) => clampSetting('budgetLevel', level)))];
  return unique.sort((a, b) => a - b).slice(0, SETTING_BOUNDS.budgetLevelCount.max);
}

/**
 * A change the person made: a level typed over one they saw (`from`), a new one (`from` null), or
 * one taken away (`to` null). It names levels, not places, so it applies to the stored list as it
 * is when saved, even if that changed after the page was drawn (two quick clicks).
 */
export interface LevelChange {
  from: number | null;
  to: number | null;
}

export function applyLevelChange(levels: readonly number[], { from, to }: LevelChange): LevelsEdit {
  const at = from === null ? -1 : levels.indexOf(from);
  const others = levels.filter((_, i) => i !== at);
  if (to === null) return { levels: [...others], clamped: null, repeated: null };
  const level = clampSetting('budgetLevel', to);
  const { min, max } = SETTING_BOUNDS.budgetLevel;
  return {
    levels: normalizeLevels([...others, level]),
    clamped: to < min || to > max ? { typed: to, level } : null,
    repeated: others.includes(level) ? level : null,
  };
}

/** "50%, 80% e 100%" / "50%, 80%, and 100%". */
export function levelsText(levels: readonly number[], locale: string): string {
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(levels.map((level) => formatPercent(level, locale)));
}
