import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../../test/support/pdf-text.ts';
import { login, startTestApp, type Client, type TestApp } from '../../../test/support/test-app.ts';
import type { ReadabilityResult } from '../../platform/documents/readability.routes.ts';
import type { AssessmentDimension, CaseSettings, LetterTemplate, ProcedureType } from './case-settings.schemas.ts';

type Failure = { message: string; messageEn: string; details?: { path: string; message: string; messageEn: string }[] };
const USERS = ['sportello', 'assistente', 'responsabile', 'fornitore', 'assessore', 'amministrativo', 'admin'] as const;

describe('case configuration', () => {
  let t: TestApp;
  const c = {} as Record<(typeof USERS)[number], Client>;

  beforeAll(async () => {
    t = await startTestApp();
    for (const user of USERS) c[user] = await login(t.app, user);
  });
  afterAll(() => t.close());

  it('ships the defaults: procedures of 30 days, six assessment dimensions, a letter in each language, 60 days', async () => {
    const procedures = await c.assistente.json<ProcedureType[]>('GET', '/api/case-settings/procedure-types');
    expect(procedures.body.length).toBeGreaterThanOrEqual(3);
    expect(procedures.body.every((p) => p.legalDeadlineDays === 30)).toBe(true);
    const dimensions = await c.assistente.json<AssessmentDimension[]>('GET', '/api/case-settings/assessment-dimensions');
    expect(dimensions.body.map((d) => d.code)).toEqual(['HEALTH', 'HOUSEHOLD', 'HOUSING', 'WORK', 'EDUCATION', 'NETWORK']);
    expect(dimensions.body[0]).toMatchObject({ nameIt: 'Salute e autonomia', nameEn: 'Health and autonomy', scaleMin: 1, scaleMax: 4 });
    expect(dimensions.body[0]?.levelLabels).toHaveLength(4);
    const templates = await c.assistente.json<LetterTemplate[]>('GET', '/api/case-settings/letter-templates');
    expect(templates.body.map((l) => l.language).sort()).toEqual(['en', 'it']);
    expect((await c.assistente.json<CaseSettings>('GET', '/api/case-settings/settings')).body.inactivityDays).toBe(60);
  });

  it('only the service manager configures; the desk, providers, officials, clerks and admin read nothing', async () => {
    const input = { code: 'HOUSING_AID', name: 'Contributo per l’affitto', legalDeadlineDays: 45 };
    for (const user of ['sportello', 'fornitore', 'assessore', 'amministrativo', 'admin'] as const) {
      expect((await c[user].request('GET', '/api/case-settings/procedure-types')).statusCode).toBe(403);
      expect((await c[user].request('GET', '/api/case-settings/letter-templates')).statusCode).toBe(403);
    }
    for (const user of ['assistente', 'sportello', 'admin'] as const) {
      expect((await c[user].request('POST', '/api/case-settings/procedure-types', input)).statusCode).toBe(403);
      expect((await c[user].request('PUT', '/api/case-settings/settings', { inactivityDays: 30 })).statusCode).toBe(403);
    }
    const created = await c.responsabile.json<ProcedureType>('POST', '/api/case-settings/procedure-types', input);
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ ...input, isActive: true });
    expect((await c.responsabile.json<Failure>('POST', '/api/case-settings/procedure-types', input)).status).toBe(409);
    const retired = await c.responsabile.json<ProcedureType>('PUT', `/api/case-settings/procedure-types/${created.body.id}`, { name: input.name, legalDeadlineDays: 60, isActive: false });
    expect(retired.body).toMatchObject({ legalDeadlineDays: 60, isActive: false });
    const active = await c.assistente.json<ProcedureType[]>('GET', '/api/case-settings/procedure-types');
    expect(active.body.map((p) => p.code)).not.toContain('HOUSING_AID');
    const all = await c.assistente.json<ProcedureType[]>('GET', '/api/case-settings/procedure-types?includeInactive=true');
    expect(all.body.map((p) => p.code)).toContain('HOUSING_AID');
  });

  it('keeps the legal deadline between 1 and 365 days and codes in capitals', async () => {
    for (const legalDeadlineDays of [0, 366, 12.5]) {
      const refused = await c.responsabile.json<Failure>('POST', '/api/case-settings/procedure-types', { code: 'X_DAYS', name: 'Prova', legalDeadlineDays });
      expect(refused.status).toBe(400);
      expect(refused.body.details?.[0]?.path).toBe('legalDeadlineDays');
    }
    const badCode = await c.responsabile.json<Failure>('POST', '/api/case-settings/procedure-types', { code: 'minuscolo', name: 'Prova' });
    expect(badCode.body.details?.[0]).toMatchObject({ path: 'code', message: expect.stringContaining('maiuscole') });
    const defaults = await c.responsabile.json<ProcedureType>('POST', '/api/case-settings/procedure-types', { code: 'DEFAULT_DAYS', name: 'Termine ordinario' });
    expect(defaults.body.legalDeadlineDays).toBe(30);
  });

  it('refuses a scale whose minimum is not below its maximum, and labels that miss a level', async () => {
    const dimension = { code: 'LEGAL', nameIt: 'Situazione legale', nameEn: 'Legal situation', scaleMin: 3, scaleMax: 3 };
    const flat = await c.responsabile.json<Failure>('POST', '/api/case-settings/assessment-dimensions', dimension);
    expect(flat.status).toBe(400);
    expect(flat.body.details?.[0]).toMatchObject({ path: 'scaleMax', messageEn: expect.stringContaining('greater') });
    const missing = await c.responsabile.json<Failure>('POST', '/api/case-settings/assessment-dimensions', {
      ...dimension,
      scaleMin: 0,
      scaleMax: 2,
      levelLabels: [{ value: 0, it: 'Nessuna', en: 'None' }, { value: 2, it: 'Grave', en: 'Severe' }],
    });
    expect(missing.body.details?.[0]?.path).toBe('levelLabels');
    const ok = await c.responsabile.json<AssessmentDimension>('POST', '/api/case-settings/assessment-dimensions', {
      ...dimension,
      scaleMin: 0,
      scaleMax: 1,
      sortOrder: 70,
      levelLabels: [{ value: 1, it: 'Sì', en: 'Yes' }, { value: 0, it: 'No', en: 'No' }],
    });
    expect(ok.status).toBe(200);
    expect(ok.body.levelLabels.map((l) => l.value)).toEqual([0, 1]);
    const list = await c.assistente.json<AssessmentDimension[]>('GET', '/api/case-settings/assessment-dimensions');
    expect(list.body.at(-1)?.code).toBe('LEGAL');
  });

  it('names the unknown placeholders of a template in a 400 and saves a valid one', async () => {
    const template = { name: 'Esito della domanda', language: 'it', subject: 'Esito per {{person.fullName}}', body: 'Gentile {{person.fullName}}, la pratica {{case.reference}} del {{ data }} è chiusa. {{operatore}} {{ data }}' };
    const refused = await c.responsabile.json<Failure>('POST', '/api/case-settings/letter-templates', template);
    expect(refused.status).toBe(400);
    expect(refused.body.details?.[0]?.path).toBe('body');
    expect(refused.body.details?.[0]?.message).toContain('{{data}}, {{operatore}}');
    expect(refused.body.details?.[0]?.messageEn).toContain('Unknown placeholders: {{data}}, {{operatore}}');
    const created = await c.responsabile.json<LetterTemplate>('POST', '/api/case-settings/letter-templates', {
      ...template,
      body: 'Gentile {{person.fullName}}, la pratica {{case.reference}} è chiusa. {{worker.name}}, {{ today }}',
    });
    expect(created.status).toBe(200);
    expect((await c.responsabile.request('POST', '/api/case-settings/letter-templates', { ...template, body: created.body.body })).statusCode).toBe(409);
    const badSubject = await c.responsabile.json<Failure>('PUT', `/api/case-settings/letter-templates/${created.body.id}`, { ...template, subject: '{{case.number}}', body: created.body.body });
    expect(badSubject.body.details?.[0]?.path).toBe('subject');
  });

  it('previews a template as a PDF filled with sample data, for workers and the manager', async () => {
    const [template] = (await c.assistente.json<LetterTemplate[]>('GET', '/api/case-settings/letter-templates')).body.filter((l) => l.language === 'it');
    const pdf = await c.assistente.request('GET', `/api/case-settings/letter-templates/${template?.id}/preview.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.toString('latin1')).toContain('/Lang (it-IT)');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('Gentile Maria Esposito,');
    expect(text).toContain('Riferimento: C-2026-000123.');
    expect(text).toContain('Marco Bianchi');
    expect(text).not.toContain('{{');
    expect((await c.sportello.request('GET', `/api/case-settings/letter-templates/${template?.id}/preview.pdf`)).statusCode).toBe(403);
    expect((await c.assistente.request('GET', '/api/case-settings/letter-templates/00000000-0000-4000-8000-000000000000/preview.pdf')).statusCode).toBe(404);
  });

  it('lets the manager set the days without activity before a case is flagged (1–730) and the days before a deadline that count as near (1–90)', async () => {
    expect((await c.responsabile.request('PUT', '/api/case-settings/settings', { inactivityDays: 0 })).statusCode).toBe(400);
    const saved = await c.responsabile.json<CaseSettings>('PUT', '/api/case-settings/settings', { inactivityDays: 45 });
    expect(saved.body.inactivityDays).toBe(45);
    expect((await c.assistente.json<CaseSettings>('GET', '/api/case-settings/settings')).body.inactivityDays).toBe(45);
    // Each threshold is saved on its own: setting one keeps the other.
    expect((await c.responsabile.request('PUT', '/api/case-settings/settings', { nearDeadlineDays: 0 })).statusCode).toBe(400);
    const near = await c.responsabile.json<CaseSettings>('PUT', '/api/case-settings/settings', { nearDeadlineDays: 10 });
    expect(near.body).toMatchObject({ inactivityDays: 45, nearDeadlineDays: 10 });
  });

  it('scores any signed-in user’s text for readability, and nobody else’s', async () => {
    const text = 'Con riferimento alla Sua istanza, si comunica che, ai sensi della normativa vigente, l’Amministrazione provvederà all’adozione del provvedimento conclusivo subordinatamente alla acquisizione della documentazione integrativa.';
    const scored = await c.sportello.json<ReadabilityResult>('POST', '/api/readability', { text });
    expect(scored.status).toBe(200);
    expect(scored.body).toMatchObject({ band: 'very_hard', warning: true, counts: { sentences: 1 } });
    expect(scored.body.longestSentences[0]?.words).toBe(scored.body.counts.words);
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/readability', payload: { text } });
    expect(anonymous.statusCode).toBe(401);
    expect((await c.assistente.request('POST', '/api/readability', { text: 'x', extra: 1 })).statusCode).toBe(400);
  });
});
