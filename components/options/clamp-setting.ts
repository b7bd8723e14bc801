import { SETTING_BOUNDS } from '@/lib/storage/settings-shape';

/**
 * A number typed into a setting's field, brought into the range its input shows: whole, within
 * SETTING_BOUNDS (the inputs' min and max come from there too).
 */
export function clampSetting(name: keyof typeof SETTING_BOUNDS, value: number): number {
  const { min, max } = SETTING_BOUNDS[name];
  return Math.min(max, Math.max(min, Math.round(value)));
}
