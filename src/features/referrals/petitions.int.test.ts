import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../../test/support/pdf-text.ts';
import { login, startTestApp, type Client, type TestApp } from '../../../test/support/test-app.ts';
import { outsidersOfCase } from '../case-documents/case-documents-test-kit.ts';
import { aCase, caseLogCount, CASTEL_MAGGIORE } from '../cases/cases-test-kit.ts';
import type { CaseDetail } from '../cases/cases.schemas.ts';
import type { Petition } from './referrals.schemas.ts';
import { dayInRome, shiftDate } from '../../platform/time/rome.ts';

const REASONS = 'La signora vive sola, non riesce più a gestire le spese e i rapporti con la banca. Ha già subito raggiri.';

describe('petitions for a support administrator: drafted from the case, status rules, versions, PDF, who may read them', () => {
  let t: TestApp;
  let worker: Client;
  let c: CaseDetail;
  let person: { given_name: string; family_name: string; fiscal_code: string | null };
  let relative: string;

  beforeAll(async () => {
    t = await startTestApp();
    worker = await login(t.app, 'assistente');
    // A person of Castel Maggiore living with somebody else: the other member is a person to be heard.
    const pair = await t.database.db
      .selectFrom('household_member as a')
      .innerJoin('household_member as b', (join) => join.onRef('b.household_id', '=', 'a.household_id').onRef('b.person_id', '<>', 'a.person_id'))
      .innerJoin('person as p', 'p.id', 'a.person_id')
      .innerJoin('person as q', 'q.id', 'b.person_id')
      .select(['p.id', 'p.given_name', 'p.family_name', 'p.fiscal_code', sql<string>`q.given_name || ' ' || q.family_name`.as('relative')])
      .where('p.municipality_code', '=', CASTEL_MAGGIORE)
      .where('a.valid_to', 'is', null)
      .where('b.valid_to', 'is', null)
      .orderBy('p.id', 'desc')
      .executeTakeFirstOrThrow();
    person = pair;
    relative = pair.relative;
    c = await aCase(worker, [pair.id]);
  });
  afterAll(() => t.close());

  const newPetition = async () => {
    const created = await worker.json<Petition>('POST', `/api/cases/${c.id}/petitions`, {});
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    return created.body;
  };
  const fill = (p: Pick<Petition, 'id' | 'version' | 'personsToHear'>, extra: Record<string, unknown> = {}) =>
    worker.json<Petition>('PUT', `/api/cases/${c.id}/petitions/${p.id}`, {
      courtName: 'Tribunale di Bologna',
      reasons: REASONS,
      administratorName: 'Giovanni Rossi',
      administratorRelation: 'nipote',
      acts: 'Riscossione della pensione, pagamento delle spese, rapporti con la banca.',
      personsToHear: p.personsToHear,
      version: p.version,
      ...extra,
    });
  const move = (p: Pick<Petition, 'id' | 'version'>, to: string, extra: Record<string, unknown> = {}) =>
    worker.json<Petition>('POST', `/api/cases/${c.id}/petitions/${p.id}/status`, { to, on: dayInRome(), version: p.version, ...extra });

  it('a new draft names the beneficiary from the registry, the default court and the household members to hear', async () => {
    const p = await newPetition();
    expect(p).toMatchObject({ status: 'draft', version: 1, courtName: 'Tribunale di Bologna', beneficiary: { fullName: `${person.given_name} ${person.family_name}`, fiscalCode: person.fiscal_code } });
    expect(p.personsToHear.map((x) => x.name)).toContain(relative);
    expect(await caseLogCount(t, c.id, 'create', { recordType: 'case_petition' })).toBeGreaterThanOrEqual(1);
  });

  it('follows draft → filed → hearing scheduled → decided; filing needs the text and the docket number; illegal transitions refused', async () => {
    let p = await newPetition();
    expect((await move(p, 'filed', { docketNumber: '1234/2026' })).status).toBe(400);
    p = (await fill(p)).body;
    expect((await move(p, 'filed')).status).toBe(400);
    expect((await move(p, 'decided', { decisionOutcome: 'appointed', appointedAdministrator: 'Giovanni Rossi' })).status).toBe(409);
    const filed = await move(p, 'filed', { docketNumber: '1234/2026 V.G.' });
    expect(filed.status, JSON.stringify(filed.body)).toBe(200);
    p = filed.body;
    expect(p).toMatchObject({ status: 'filed', filedOn: dayInRome(), docketNumber: '1234/2026 V.G.' });
    expect((await fill(p)).status).toBe(409);
    expect((await move(p, 'hearing_scheduled')).status).toBe(400);
    expect((await move(p, 'hearing_scheduled', { hearingOn: '2020-01-01' })).status).toBe(400);
    const hearingOn = shiftDate(dayInRome(), 45);
    p = (await move(p, 'hearing_scheduled', { hearingOn })).body;
    expect(p).toMatchObject({ status: 'hearing_scheduled', hearingOn });
    expect((await move(p, 'decided', { decisionOutcome: 'appointed' })).status).toBe(400);
    p = (await move(p, 'decided', { decisionOutcome: 'appointed', appointedAdministrator: 'Giovanni Rossi' })).body;
    expect(p).toMatchObject({ status: 'decided', decidedOn: dayInRome(), decisionOutcome: 'appointed', appointedAdministrator: 'Giovanni Rossi' });
    expect(p.history.map((h) => h.to)).toEqual(['filed', 'hearing_scheduled', 'decided']);
    for (const to of ['withdrawn', 'filed', 'draft']) expect((await move(p, to, { docketNumber: '1' })).status).toBe(409);
    const withdrawn = await move(await newPetition(), 'withdrawn', { note: 'La famiglia ha trovato un’altra soluzione.' });
    expect(withdrawn.body.status).toBe('withdrawn');
  });

  it('a stale save gets 412 with the current petition', async () => {
    const p = await newPetition();
    expect((await fill(p)).status).toBe(200);
    const stale = await (await login(t.app, 'assistente2')).json<{ code: string; data: { current: Petition } }>('PUT', `/api/cases/${c.id}/petitions/${p.id}`, {
      courtName: 'Tribunale di Ferrara', reasons: 'Altro', acts: 'Altro', personsToHear: [], administratorName: null, administratorRelation: null, version: 1,
    });
    expect(stale.status).toBe(412);
    expect(stale.body.data.current).toMatchObject({ reasons: REASONS, version: 2 });
    expect((await move(p, 'withdrawn')).status).toBe(412);
  });

  it('prints the petition in Italian with the beneficiary, the reasons and the court; logged as a print', async () => {
    const p = (await fill(await newPetition())).body;
    const before = await caseLogCount(t, c.id, 'print', { recordType: 'case_petition' });
    const reply = await worker.request('GET', `/api/cases/${c.id}/petitions/${p.id}/pdf`);
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['content-type']).toBe('application/pdf');
    const text = pdfText(reply.rawPayload);
    expect(text).toContain(`${person.given_name} ${person.family_name}`);
    expect(text).toContain('Tribunale di Bologna');
    expect(text).toContain('non riesce più a gestire le spese');
    expect(text).toContain('amministratore di sostegno');
    expect(text).toContain(relative);
    expect(reply.rawPayload.toString('latin1')).toContain('/Lang (it-IT)');
    expect(await caseLogCount(t, c.id, 'print', { recordType: 'case_petition' })).toBe(before + 1);
  });

  it('outsiders get no petition, no PDF and cannot write; the team’s reads are logged', async () => {
    const p = await newPetition();
    const readsBefore = await caseLogCount(t, c.id, 'read', { recordType: 'case_petition' });
    for (const [who, client, statuses] of [...(await outsidersOfCase(t)), ['clerk', await login(t.app, 'amministrativo'), [403, 404]] as const]) {
      for (const [method, url, payload] of [
        ['GET', `/api/cases/${c.id}/petitions`, undefined],
        ['GET', `/api/cases/${c.id}/petitions/${p.id}`, undefined],
        ['GET', `/api/cases/${c.id}/petitions/${p.id}/pdf`, undefined],
        ['POST', `/api/cases/${c.id}/petitions`, {}],
        ['PUT', `/api/cases/${c.id}/petitions/${p.id}`, { courtName: 'X', reasons: 'X', acts: 'X', personsToHear: [], version: 1 }],
        ['POST', `/api/cases/${c.id}/petitions/${p.id}/status`, { to: 'withdrawn', on: dayInRome(), version: 1 }],
      ] as const) {
        const reply = await client.request(method, url, payload);
        expect(statuses, `${who} ${method} ${url}`).toContain(reply.statusCode);
        expect(reply.body).not.toContain(person.family_name);
      }
    }
    expect(await caseLogCount(t, c.id, 'read', { recordType: 'case_petition' })).toBe(readsBefore);
    const list = await (await login(t.app, 'responsabile')).json<Petition[]>('GET', `/api/cases/${c.id}/petitions`);
    expect(list.status).toBe(200);
    expect(list.body.find((x) => x.id === p.id)?.version).toBe(1);
    expect(await caseLogCount(t, c.id, 'read', { recordType: 'case_petition' })).toBe(readsBefore + 1);
  });
});
