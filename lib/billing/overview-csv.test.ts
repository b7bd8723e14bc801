// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { groupedOverviewToCsv, overviewCsvName, overviewToCsv } from '@/lib/billing/overview-csv';
import { figures, loading, ready, refused } from '@/tests/support/tenant-overview';
import { brl } from '@/tests/support/usage';

const HEADER = 'tenant_id,tenant,evidencia,mes,custo,moeda,chamadas_api,tokens_llm,cota_mais_usada,cota_pct,variacao_pct,variacao_valor,orcamento_pct,simulado,desatualizado,estado';

describe('overviewToCsv', () => {
  const belgo = ready(
    'BELGO-001',
    figures('BELGO-001', brl(2702), {
      apiCalls: 120,
      llmTokens: 1_050_000,
      mostUsedQuota: { key: 'llm', percent: 1050 },
      change: { kind: 'up', percent: 35.099999999999994, delta: brl(702) },
      budgetPercent: 54.04,
      stale: true,
    }),
    'Belgo Arames',
    'host',
  );
  const tech = ready('TECH-001', figures('TECH-001', brl(298), { change: { kind: 'noUsageLastMonth' } }), 'TechCorp', 'chosen');

  it('writes one record per tenant, in the order given, each failure or wait in its own row', () => {
    expect(overviewToCsv([belgo, tech, refused('NOPE-001'), loading('SLOW-001')])).toBe(
      '\uFEFF' +
        HEADER +
        '\r\n' +
        'BELGO-001,Belgo Arames,host,2026-12,27.02,BRL,120,1050000,llm,1050,35.10,7.02,54.04,false,true,ok\r\n' +
        'TECH-001,TechCorp,chosen,2026-12,2.98,BRL,0,0,,,,,,false,false,ok\r\n' +
        'NOPE-001,NOPE-001,chosen,,,,,,,,,,,,,noAccess\r\n' +
        'SLOW-001,SLOW-001,chosen,,,,,,,,,,,,,loading\r\n',
    );
  });

  it("follows a pt-BR spreadsheet: ';' between fields, decimal commas", () => {
    const [, row] = overviewToCsv([belgo], 'pt-BR').split('\r\n');
    // Decimal commas are quoted, as in the invoices' file: a comma is a separator elsewhere.
    expect(row).toBe('BELGO-001;Belgo Arames;host;2026-12;"27,02";BRL;120;1050000;llm;1050;"35,10";"7,02";"54,04";false;true;ok');
  });

  it('writes a fall with its minus and the same as zero', () => {
    const down = ready('D', figures('D', brl(100), { change: { kind: 'down', percent: -50, delta: brl(-100) } }));
    const same = ready('S', figures('S', brl(100), { change: { kind: 'same' } }));
    const cells = overviewToCsv([down, same]).split('\r\n').slice(1, 3).map((line) => line.split(',').slice(10, 12));
    expect(cells).toEqual([['-50', '-1.00'], ['0', '0.00']]);
  });

  it('neutralises a tenant name the host made look like a formula, and quotes its separators', () => {
    const hostile = ready('EVIL-001', figures('EVIL-001', brl(1)), '=HYPERLINK("http://x","y");+1');
    expect(overviewToCsv([hostile]).split('\r\n')[1]!.startsWith('EVIL-001,"\'=HYPERLINK(""http://x"",""y"");\'+1",host,')).toBe(true);
  });
});

describe('groupedOverviewToCsv', () => {
  const belgo = ready('BELGO-001', figures('BELGO-001', brl(2702)), 'Belgo Arames', 'host');
  const tech = ready('TECH-001', figures('TECH-001', brl(4150)), 'TECH-001', 'host');
  const production = { name: 'Produção', origin: 'https://agile.example' };
  const staging = { name: 'Homologação, a de testes', origin: 'http://localhost:9002' };

  it("writes every dashboard's rows in one file, group after group, each record starting with its dashboard", () => {
    const lines = groupedOverviewToCsv([{ dashboard: production, rows: [belgo] }, { dashboard: staging, rows: [tech, refused('NOPE-001')] }]).split('\r\n');
    expect(lines[0]).toBe(`\uFEFFpainel,painel_endereco,${HEADER}`);
    expect(lines.slice(1)).toEqual([
      'Produção,https://agile.example,BELGO-001,Belgo Arames,host,2026-12,27.02,BRL,0,0,,,,,,false,false,ok',
      // A name holding the separator is quoted, as every text field.
      '"Homologação, a de testes",http://localhost:9002,TECH-001,TECH-001,host,2026-12,41.50,BRL,0,0,,,,,,false,false,ok',
      '"Homologação, a de testes",http://localhost:9002,NOPE-001,NOPE-001,chosen,,,,,,,,,,,,,noAccess',
      '',
    ]);
  });

  it("neutralises a dashboard name written as a formula, and follows a pt-BR spreadsheet's separator", () => {
    const [, row] = groupedOverviewToCsv([{ dashboard: { name: '=1+1', origin: 'https://a.example' }, rows: [belgo] }], 'pt-BR').split('\r\n');
    expect(row!.startsWith(`'=1+1;https://a.example;BELGO-001;Belgo Arames;host;2026-12;"27,02";BRL;`)).toBe(true);
  });
});

describe('overviewCsvName', () => {
  it('is tenants-<local date>.csv', () => {
    expect(overviewCsvName(new Date(2026, 11, 1))).toBe('tenants-2026-12-01.csv');
  });
});
