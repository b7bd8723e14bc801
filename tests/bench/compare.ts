/** `npm run bench -- --compare <file>`: each figure of this run beside the same figure of an earlier one. */
import { readFileSync } from 'node:fs';
import { printRows, type Figure } from './figures';

const key = (f: Figure) => `${f.group}\n${f.name}`;

export function printComparison(previousFile: string, now: Figure[]): void {
  const previous = JSON.parse(readFileSync(previousFile, 'utf8')) as { date?: string; figures: Figure[] };
  const before = new Map(previous.figures.map((f) => [key(f), f]));
  const rows = now.map((f) => {
    const old = before.get(key(f));
    if (!old) return [f.group, f.name, '—', `${f.value} ${f.unit}`, 'new'];
    const delta = Math.round((f.value - old.value) * 100) / 100;
    const pct = old.value === 0 ? '' : ` (${delta >= 0 ? '+' : ''}${Math.round((delta / old.value) * 100)}%)`;
    return [f.group, f.name, `${old.value} ${old.unit}`, `${f.value} ${f.unit}`, `${delta >= 0 ? '+' : ''}${delta}${pct}`];
  });
  const gone = previous.figures.filter((f) => !now.some((n) => key(n) === key(f)));
  for (const f of gone) rows.push([f.group, f.name, `${f.value} ${f.unit}`, '—', 'not measured now']);
  console.log(`\nCompared with ${previousFile}:`);
  printRows(['group', 'figure', `before (${previous.date ?? '?'})`, 'now', 'change'], rows);
}
