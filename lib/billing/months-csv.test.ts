// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { monthsCsvName, monthsToCsv } from '@/lib/billing/months-csv';
import { brl, usage } from '@/tests/support/usage';

const HEADER =
  'mes,inicio,fim,moeda,custo_total,custo_api,custo_llm,custo_armazenamento,custo_computacao,chamadas_api,tokens_total,tokens_entrada,tokens_saida,armazenamento_mb,computacao_min\r\n';

describe('monthsToCsv', () => {
  const december = usage();
  const november = usage({ month: '2026-11', period: '2026-11', total: brl(2000), split: { api: brl(100), llm: brl(1500), storage: brl(300), compute: brl(100) } });

  it('writes usage and cost per resource, one record per month, oldest first, each month once', () => {
    expect(monthsToCsv([december, november, december])).toBe(
      '\uFEFF' +
        HEADER +
        '2026-11,,,BRL,20.00,1.00,15.00,3.00,1.00,120,1050000,660000,390000,1250,120\r\n' +
        '2026-12,,,BRL,27.02,1.20,15.74,6.09,3.99,120,1050000,660000,390000,1250,120\r\n',
    );
  });

  it("writes the panel's rolling period by its days, and a pt-BR sheet's decimal commas", () => {
    const rolling = usage({ month: null, period: 'month', periodStart: '2026-11-01T00:00:00', periodEnd: '2026-12-01T00:00:00', metrics: { ...december.metrics, storageMb: 12.5 } });
    const [, row] = monthsToCsv([rolling], 'pt-BR').split('\r\n');
    expect(row).toBe(';2026-11-01;2026-12-01;BRL;"27,02";"1,20";"15,74";"6,09";"3,99";120;1050000;660000;390000;"12,50";120');
  });

  it('has just the header for no months', () => {
    expect(monthsToCsv([])).toBe('\uFEFF' + HEADER);
  });
});

describe('monthsCsvName', () => {
  it('is meses-<tenant>-<local date>.csv', () => {
    expect(monthsCsvName('BELGO-001', new Date(2026, 11, 1))).toBe('meses-BELGO-001-2026-12-01.csv');
  });
});
