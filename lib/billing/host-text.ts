/**
 * Text from the host (tenant and plan names, invoice fields, periods, endpoint names), cleaned
 * before anyone sees it: a right-to-left override (U+202E) in a tenant name turns the rest of a
 * badge title or notification around, so "R$ 0,01" can read as another figure; an invisible
 * character makes two names look the same. The host's parsers (lib/host) apply this to every
 * text meant for people; ids stay exact, as they are compared as given.
 *
 * Taken out: C0 and C1 controls, the bidi marks, embeddings, overrides and isolates (U+061C,
 * U+200E/F, U+202A–E, U+2066–9), the zero-width space, word joiner and invisible operators
 * (U+200B, U+2060–4), the deprecated format controls (U+206A–F), the byte order mark (U+FEFF)
 * and the interlinear annotation marks (U+FFF9–B). Tabs and line or paragraph breaks become one
 * space: these texts are shown on one line. Letters of every script stay, Arabic and Hebrew
 * included (the browser orders them itself), and so do ZWNJ and ZWJ (U+200C/D): Persian and
 * Indic spelling and emoji sequences need them, and neither can reorder text.
 */

/** Tabs, line and paragraph breaks: a run of them becomes one space. */
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]+/gu;
/** What can reorder text or hide in it. */
const HIDDEN = /[\p{Cc}\p{Bidi_Control}\u200B\u2060-\u2064\u206A-\u206F\uFEFF\uFFF9-\uFFFB]/gu;

export function stripInvisible(text: string): string {
  return text.replace(BREAKS, ' ').replace(HIDDEN, '');
}
