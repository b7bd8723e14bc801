// @vitest-environment node
/** The repository's ESLint config (eslint.config.js) keeps the import boundaries between layers. */
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: path.resolve(__dirname, '../..') });

/** The rules that fired on `code`, as if it were the file at `filePath` in the repository. */
async function rulesFired(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

/** A module that imports `name` from `source` and uses it, as a .ts file or a component. */
function importing(filePath: string, source: string, name = 'thing'): string {
  const line = `import { ${name} } from '${source}';`;
  return filePath.endsWith('.svelte') ? `<script lang="ts">\n  ${line}\n</script>\n<p>{${name}}</p>\n` : `${line}\nexport { ${name} };\n`;
}

interface Zone {
  file: string;
  banned: string[];
  allowed: string[];
}

const ZONES: Zone[] = [
  {
    file: 'lib/content/fixture.ts',
    banned: ['@/lib/background/router', '@/lib/storage/settings', '@/lib/storage/stored-item', 'wxt/utils/storage', '@wxt-dev/storage', 'zod', 'zod/mini'],
    allowed: ['@/lib/storage/content-script-read', '@/lib/protocol/ask', '@/lib/ui/view-state.svelte', '@/components/overlay/SidebarEntry.svelte'],
  },
  { file: 'components/overlay/Fixture.svelte', banned: ['@/lib/background/badge/title', '@/lib/storage/settings', 'zod/mini'], allowed: ['@/lib/i18n'] },
  { file: 'entrypoints/dashboard.content/index.ts', banned: ['@/lib/storage/settings', '@/lib/background/router'], allowed: ['@/lib/storage/content-script-read'] },
  {
    file: 'lib/host/families/fixture.ts',
    banned: ['@/components/shared/CostSplit.svelte', '@/lib/content/overlay', '@/lib/ui/view-state.svelte', '@/lib/background/router', '@/entrypoints/popup/main'],
    allowed: ['@/lib/billing/model', 'zod/mini'],
  },
  {
    file: 'lib/billing/fixture.ts',
    banned: ['wxt/browser', '#imports', 'webextension-polyfill', '@wxt-dev/storage', '@/lib/i18n/format', '@/lib/protocol/replies'],
    allowed: ['@/lib/billing/money'],
  },
  { file: 'lib/ui/fixture.ts', banned: ['@/lib/background/session/store'], allowed: ['@/lib/protocol/ask', '@/lib/storage/settings'] },
  { file: 'components/popup/Fixture.svelte', banned: ['@/lib/background/badge/title'], allowed: ['@/lib/billing/budget', 'wxt/browser'] },
  { file: 'lib/protocol/fixture.ts', banned: ['@/lib/background/sender'], allowed: ['@/lib/billing/month'] },
  { file: 'lib/storage/fixture.ts', banned: ['@/lib/background/session/store', '@/components/popup/PopupPanel.svelte'], allowed: ['@/lib/billing/freshness'] },
];

describe('eslint.config.js: import boundaries', () => {
  // The first run loads the config, parsers and plugins: slow on a busy machine, once.
  beforeAll(() => rulesFired('export {};\n', 'lib/content/fixture.ts'), 120_000);

  const banned = ZONES.flatMap(({ file, banned }) => banned.map((source) => [file, source]));
  it.each(banned)('%s may not import %s', async (file, source) => {
    expect(await rulesFired(importing(file, source), file)).toEqual(['no-restricted-imports']);
  });

  const allowed = ZONES.flatMap(({ file, allowed }) => allowed.map((source) => [file, source]));
  it.each(allowed)('%s may import %s', async (file, source) => {
    expect(await rulesFired(importing(file, source), file)).toEqual([]);
  });

  it("keeps WXT's storage out of the host page, imported or auto-imported, and nothing else of #imports", async () => {
    const file = 'lib/content/fixture.ts';
    expect(await rulesFired(importing(file, '#imports', 'storage'), file)).toEqual(['no-restricted-imports']);
    const renamed = "import { storage as store } from '#imports';\nexport { store };\n";
    expect(await rulesFired(renamed, file)).toEqual(['no-restricted-imports']);
    expect(await rulesFired("export const read = () => storage.getItem('local:settings');\n", file)).toEqual(['no-restricted-globals']);
    const context = "import type { ContentScriptContext } from '#imports';\nexport type Context = ContentScriptContext;\n";
    expect(await rulesFired(context, file)).toEqual([]);
    expect(await rulesFired(importing('lib/ui/fixture.ts', '#imports', 'storage'), 'lib/ui/fixture.ts')).toEqual([]);
  });

  it('keeps the browser out of lib/billing even unimported', async () => {
    expect(await rulesFired('export const id = () => browser.runtime.id;\n', 'lib/billing/fixture.ts')).toEqual(['no-restricted-globals']);
    expect(await rulesFired('export const id = () => chrome.runtime.id;\n', 'lib/billing/fixture.ts')).toEqual(['no-restricted-globals']);
  });

  it("takes project files through '@/' only, where the boundaries can see them", async () => {
    for (const source of ['../background/router', './dark-mode', '~/lib/background/router', '@@/lib/background/router']) {
      expect(await rulesFired(importing('lib/content/fixture.ts', source), 'lib/content/fixture.ts')).toEqual(['no-restricted-imports']);
    }
  });

  it('leaves tests free to import across layers', async () => {
    const file = 'lib/content/fixture.test.ts';
    expect(await rulesFired(importing(file, '@/lib/background/router'), file)).toEqual([]);
    expect(await rulesFired(importing(file, '#imports', 'storage'), file)).toEqual([]);
  });

  it('still forbids DOMParser where a boundary restricts globals', async () => {
    const code = "export const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');\n";
    expect(await rulesFired(code, 'lib/billing/fixture.ts')).toContain('no-restricted-globals');
    expect(await rulesFired(code, 'lib/content/fixture.ts')).toContain('no-restricted-globals');
  });
});
