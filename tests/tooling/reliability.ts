/**
 * `npm run reliability`: runs the fault suite (tests/e2e/faults.spec.ts) in real Chromium and
 * prints, by kind of fault, how many cases were tried and passed and what a person sees in
 * each (from the case table, tests/e2e/fault-cases.ts). Exits non-zero if any case failed or
 * did not run. Builds the extension first unless E2E_PREBUILT=1.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FAULT_CASES, seenText, type FaultCase, type FaultKind } from '../e2e/fault-cases';

type CaseResult = 'passed' | 'failed' | 'fixme' | 'not run';

interface Step { title: string; duration: number; error?: unknown; steps?: Step[] }
interface Result { status?: string; duration: number; steps?: Step[] }
interface Test { status: string; annotations: { type: string }[]; results: Result[] }
interface Spec { title: string; tests: Test[] }
interface Suite { title: string; specs: Spec[]; suites?: Suite[] }
interface Report { suites: Suite[]; errors: unknown[]; stats: { duration: number; expected: number; unexpected: number; skipped: number; flaky: number } }

const SPEC = 'tests/e2e/faults.spec.ts';
const KIND_ORDER: FaultKind[] = [
  'status', 'once', 'wait', 'timeout', 'drop', 'down', 'redirect', 'html', 'malformed', 'empty', 'shape', 'tenant', 'volume', 'slow',
];

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  // The children's output goes to stderr: stdout carries only the report.
  const child = spawnSync(command, args, { env, stdio: ['ignore', process.stderr, process.stderr] });
  if (child.error) throw child.error;
  return child.status ?? 1;
}

function caseIdOf(title: string): string | null {
  return /^\[([\w-]+)\]/.exec(title)?.[1] ?? null;
}

function collect(report: Report): Map<string, { result: CaseResult; ms: number }> {
  const found = new Map<string, { result: CaseResult; ms: number }>();
  const visitSteps = (steps: Step[] | undefined) => {
    for (const step of steps ?? []) {
      const id = caseIdOf(step.title);
      if (id) found.set(id, { result: step.error ? 'failed' : 'passed', ms: step.duration });
      else visitSteps(step.steps);
    }
  };
  const visitSuite = (suite: Suite) => {
    for (const spec of suite.specs) {
      for (const test of spec.tests) {
        const id = caseIdOf(spec.title);
        if (test.status === 'skipped' && id && test.annotations.some((a) => a.type === 'fixme')) {
          found.set(id, { result: 'fixme', ms: 0 });
          continue;
        }
        const last = test.results.at(-1);
        visitSteps(last?.steps);
        // A case whose step passed inside a test that then failed (e.g. at teardown) still counts.
      }
    }
    for (const child of suite.suites ?? []) visitSuite(child);
  };
  for (const suite of report.suites) visitSuite(suite);
  return found;
}

function table(rows: string[][], align: ('l' | 'r')[]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r.map((cell, i) => (align[i] === 'r' ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function main(): number {
  if (process.env.E2E_PREBUILT !== '1') {
    console.error('[reliability] building the extension (npm run build:e2e)');
    if (run('npx', ['wxt', 'build'], { ...process.env, WXT_E2E: '1' }) !== 0) {
      console.error('[reliability] build failed');
      return 1;
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'reliability-'));
  const output = join(dir, 'faults.json');
  console.error(`[reliability] npx playwright test ${SPEC} --reporter=json`);
  const status = run('npx', ['playwright', 'test', SPEC, '--reporter=json'], {
    ...process.env,
    E2E_PREBUILT: '1',
    PLAYWRIGHT_JSON_OUTPUT_FILE: output,
    PLAYWRIGHT_JSON_OUTPUT_NAME: output,
  });
  if (!existsSync(output)) {
    console.error(`[reliability] no JSON report (playwright exited ${status})`);
    return 1;
  }
  const report = JSON.parse(readFileSync(output, 'utf8')) as Report;
  rmSync(dir, { recursive: true, force: true });
  const found = collect(report);
  const resultOf = (c: FaultCase) => found.get(c.id) ?? { result: 'not run' as const, ms: 0 };

  const kinds = KIND_ORDER.filter((k) => FAULT_CASES.some((c) => c.kind === k));
  const count = (cases: readonly FaultCase[], r: CaseResult) => cases.filter((c) => resultOf(c).result === r).length;
  const summary: string[][] = [['kind', 'cases', 'tried', 'passed', 'failed', 'fixme (bug)', 'not run', 'groups']];
  for (const kind of [...kinds, 'total' as const]) {
    const cases = kind === 'total' ? FAULT_CASES : FAULT_CASES.filter((c) => c.kind === kind);
    const passed = count(cases, 'passed');
    const failed = count(cases, 'failed');
    const groups = [...new Set(cases.map((c) => c.group))].join(', ');
    summary.push([kind, String(cases.length), String(passed + failed), String(passed), String(failed), String(count(cases, 'fixme')), String(count(cases, 'not run')), kind === 'total' ? '' : groups]);
  }

  const detail: string[][] = [['kind', 'case', 'result', 'time', 'what the user sees']];
  for (const kind of kinds) {
    for (const c of FAULT_CASES.filter((x) => x.kind === kind)) {
      const r = resultOf(c);
      detail.push([kind, c.id, r.result, r.result === 'passed' || r.result === 'failed' ? seconds(r.ms) : '', seenText(c)]);
    }
  }

  const s = report.stats;
  console.log(`Fault suite ${SPEC}: ${FAULT_CASES.length} cases in ${s.expected + s.unexpected + s.flaky + s.skipped} tests, ${seconds(s.duration)} wall clock`);
  console.log(`(tests: ${s.expected} passed, ${s.unexpected} failed, ${s.flaky} flaky, ${s.skipped} skipped)\n`);
  console.log(table(summary, ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'l']));
  console.log('');
  console.log(table(detail, ['l', 'l', 'l', 'r', 'l']));
  const bugs = FAULT_CASES.filter((c) => c.bug);
  if (bugs.length) {
    console.log('\nKnown product bugs (test.fixme):');
    for (const c of bugs) console.log(`  ${c.id}: ${c.bug}`);
  }

  const bad = FAULT_CASES.filter((c) => ['failed', 'not run'].includes(resultOf(c).result));
  if (bad.length || status !== 0 || report.errors.length) {
    console.log(`\nNOT RELIABLE: ${bad.length} case(s) failed or did not run${bad.length ? `: ${bad.map((c) => c.id).join(', ')}` : ''} (playwright exit ${status})`);
    return 1;
  }
  return 0;
}

process.exit(main());
