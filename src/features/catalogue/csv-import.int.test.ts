import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestApp, type Client, type TestApp } from '../../../test/support/test-app.ts';
import type { ImportResult, ServiceSummary } from './catalogue.schemas.ts';

const HEADER = 'code;name;kind;unit;need_areas;siuss_benefit_code;access_rules';

describe('catalogue CSV import and export', () => {
  let t: TestApp;
  let manager: Client;
  const importCsv = (text: string, dryRun = false, contentType = 'text/csv') =>
    manager.request('POST', `/api/services/import${dryRun ? '?dryRun=true' : ''}`, text, { 'content-type': contentType });
  const countServices = async () => Number((await t.database.db.selectFrom('service').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    t = await startTestApp();
    manager = await login(t.app, 'responsabile');
  });
  afterAll(() => t.close());

  it('a dry run counts what would be created and updated and writes nothing', async () => {
    const before = await countServices();
    const text = [HEADER, 'Z1.01;Nuovo servizio;information;hours;FAM;;', 'C1.01;Assistenza domiciliare (SAD) rinominata;home_care;hours;ELD|DIS;A2.07;'].join('\n');
    const response = await importCsv(text, true);
    expect(response.statusCode).toBe(200);
    expect(response.json<ImportResult>()).toEqual({ dryRun: true, total: 2, created: 1, updated: 1, unchanged: 0 });
    expect(await countServices()).toBe(before);
  });

  it('imports with a BOM, commas and quoted fields, upserting by code', async () => {
    const text = `\uFEFF${HEADER.replaceAll(';', ',')}\r\nz2.01,"Laboratori, socializzazione",educational,hours,"FAM,DIS",A2.02,"Orari: ""mattina""\ne pomeriggio"\r\nz2.02,Borsa lavoro,economic,euros,POV,A1.18,\r\n`;
    const response = await importCsv(text);
    expect(response.json<ImportResult>()).toEqual({ dryRun: false, total: 2, created: 2, updated: 0, unchanged: 0 });
    const [row] = await manager.json<ServiceSummary[]>('GET', '/api/services?q=Z2.01').then((r) => r.body);
    expect(row).toMatchObject({ code: 'Z2.01', name: 'Laboratori, socializzazione', needAreas: ['DIS', 'FAM'], siussBenefitCode: 'A2.02' });
    const detail = await manager.json<{ accessRules: string }>('GET', `/api/services/${row!.id}`);
    expect(detail.body.accessRules).toBe('Orari: "mattina"\ne pomeriggio');

    const again = await importCsv([HEADER, 'Z2.02;Borsa lavoro e tirocinio;economic;euros;POV;A1.18;'].join('\n'));
    expect(again.json<ImportResult>()).toMatchObject({ created: 0, updated: 1 });
  });

  it('a malformed file changes nothing and lists every bad line with its reason', async () => {
    const before = await countServices();
    const lines = [
      HEADER,
      'Z3.01;Servizio buono;information;hours;FAM;;', // 2: fine
      'Z3.02;Tipo sbagliato;magic;hours;FAM;;', // 3: unknown kind
      'Z3.03;Unità sbagliata;information;litres;FAM;;', // 4: unknown unit
      'Z3.04;Area sbagliata;information;hours;FAM|XYZ;;', // 5: unknown area
      'Z3.05;SIUSS sbagliato;information;hours;FAM;Q9.99;', // 6: unknown SIUSS code
      'Z3.06;;information;hours;FAM;;', // 7: missing name
      'Z3.01;Doppione;information;hours;FAM;;', // 8: duplicate of line 2
      'Z3.08;Troppo poche colonne;information', // 9: wrong column count
      '',
      'Z3.09;Ancora buono;information;hours;ELD;;', // 11: fine, after an empty line
    ];
    const response = await importCsv(lines.join('\n'));
    expect(response.statusCode).toBe(400);
    const body = response.json<{ message: string; data: { errors: { line: number; message: string; messageEn: string }[] } }>();
    expect(body.message).toContain('7 righe');
    expect(body.data.errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    const text = body.data.errors.map((e) => e.messageEn).join('\n');
    expect(text).toContain('Line 3: unknown kind "magic"');
    expect(text).toContain('Line 4: unknown unit "litres"');
    expect(text).toContain('Line 5: unknown area of need "XYZ"');
    expect(text).toContain('Line 6: unknown SIUSS benefit code "Q9.99"');
    expect(text).toContain('Line 7: the name is missing');
    expect(text).toContain('Line 8: code Z3.01 repeated (already on line 2)');
    expect(text).toContain('Line 9: 3 columns instead of 7');
    expect(body.data.errors[0]!.message).toContain('Riga 3: tipologia "magic" sconosciuta');
    expect(await countServices()).toBe(before);

    const dry = await importCsv(lines.join('\n'), true);
    expect(dry.statusCode).toBe(400);
  });

  it('refuses a wrong header, an empty file and unclosed quotes with the line', async () => {
    const header = await importCsv('codice;nome\nA;B\n');
    expect(header.statusCode).toBe(400);
    expect(header.json().data.errors[0]).toMatchObject({ line: 1, messageEn: expect.stringContaining('missing: code') });
    expect((await importCsv(`${HEADER}\n`)).json().data.errors[0].line).toBe(2);
    const quotes = await importCsv(`${HEADER}\nZ4.01;Buono;information;hours;FAM;;\nZ4.02;"Aperte;information;hours;FAM;;\n`);
    expect(quotes.statusCode).toBe(400);
    expect(quotes.json().data.errors[0].messageEn).toMatch(/^Line 3: unclosed quotes/);
    const json = await manager.request('POST', '/api/services/import', { csv: HEADER });
    expect(json.statusCode).toBe(400);
  });

  it('export then import is a round trip: nothing to create or update', async () => {
    const exported = await manager.request('GET', '/api/services/export.csv');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('text/csv');
    expect(exported.body.startsWith(`\uFEFF${HEADER}\r\n`)).toBe(true);
    const active = await manager.json<ServiceSummary[]>('GET', '/api/services');
    const dry = await importCsv(exported.body, true);
    expect(dry.json<ImportResult>()).toEqual({ dryRun: true, total: active.body.length, created: 0, updated: 0, unchanged: active.body.length });
    const desk = await login(t.app, 'sportello');
    expect((await desk.request('GET', '/api/services/export.csv')).statusCode).toBe(200);
  });

  it('imports a large file in one go', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `Z5.${String(i).padStart(4, '0')};Servizio numero ${i};other;units;MULBEN;;Regola ${i}`);
    const response = await importCsv([HEADER, ...rows].join('\n'));
    expect(response.json<ImportResult>()).toMatchObject({ created: 3000 });
  });
});
