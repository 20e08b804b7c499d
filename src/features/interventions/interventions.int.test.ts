import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, type Client, type TestApp, startTestApp } from '../../../test/support/test-app.ts';
import { personsIn } from '../accesses/access-test-kit.ts';
import { aCase, caseLogCount, CASTEL_MAGGIORE } from '../cases/cases-test-kit.ts';
import type { PlanVersion } from '../care-plans/care-plans.schemas.ts';
import { aPlan, catalogueIds, inPerson, move, saveContent, type CatalogueIds } from '../care-plans/care-plans-test-kit.ts';
import type { CaseInterventions, Delivery, ProviderIntervention, ProviderInterventionList } from './interventions.schemas.ts';
import { contentWith, periodAroundToday, sad, transport } from './interventions-test-kit.ts';
import { dayInRome, shiftDate } from '../../platform/time/rome.ts';

describe('interventions: supports in force become interventions; providers record deliveries', () => {
  let t: TestApp;
  let worker: Client;
  let ponte: Client;
  let ids: CatalogueIds;
  let plan: PlanVersion;
  let caseId: string;
  let beneficiary: string;
  const { today, month } = periodAroundToday();

  beforeAll(async () => {
    t = await startTestApp();
    worker = await login(t.app, 'assistente');
    ponte = await login(t.app, 'fornitore');
    ids = await catalogueIds(t);
    const persons = await personsIn(t, CASTEL_MAGGIORE, 2);
    beneficiary = persons[0] ?? '';
    const c = await aCase(worker, persons);
    caseId = c.id;
    plan = await saveContent(worker, await aPlan(worker, c.id), contentWith(ids, [sad(ids, ids.ponte), transport(ids)]));
    plan = await move(worker, plan, 'proposed');
    plan = await move(worker, plan, 'agreed', inPerson);
  });
  afterAll(() => t.close());

  const list = async () => (await worker.json<CaseInterventions>('GET', `/api/cases/${caseId}/interventions`)).body.interventions;

  it('an agreed version has no interventions yet; activating it turns each support into one, with title holder and deliverer from the arrangements', async () => {
    expect(await list()).toEqual([]);
    plan = await move(worker, plan, 'active');
    const interventions = await list();
    expect(interventions).toHaveLength(2);
    const home = interventions.find((i) => i.serviceCode === 'C1.01');
    const ride = interventions.find((i) => i.serviceCode === 'D1.01');
    expect(home).toMatchObject({ titleHolder: 'union', delivery: 'provider', providerName: 'Coop. Sociale Il Ponte', quantityHundredths: 300, frequency: 'weekly', unitCostCents: 2137, status: 'active', planVersionNumber: 1 });
    expect(ride).toMatchObject({ titleHolder: 'municipality', delivery: 'direct', providerName: null, quantityHundredths: 200, frequency: 'monthly', status: 'active' });
    // Weekly 3 hours: 3 × 52 / 12 = 13 hours in a full month; monthly 2 trips.
    expect(home?.months.find((m) => m.month === month)).toEqual({ month, plannedHundredths: 1300, deliveredHundredths: 0, absences: 0 });
    expect(ride?.months.find((m) => m.month === month)?.plannedHundredths).toBe(200);
  });

  it('the provider sees its intervention only, records deliveries, and the owner sees planned vs delivered to the unit', async () => {
    const mine = await ponte.json<ProviderInterventionList>('GET', '/api/provider/interventions');
    const row = mine.body.items.find((i) => i.caseId === caseId);
    expect(row).toMatchObject({ serviceCode: 'C1.01', plannedHundredths: 1300, deliveredHundredths: 0, month });
    expect(mine.body.items.filter((i) => i.caseId === caseId)).toHaveLength(1);
    const id = row?.id ?? '';
    const url = `/api/provider/interventions/${id}/deliveries`;
    expect((await ponte.json('POST', url, { deliveredOn: today, quantityHundredths: 150, staff: 'Giulia Ferri' })).status).toBe(200);
    expect((await ponte.json('POST', url, { deliveredOn: today, quantityHundredths: 0, personAbsent: true, notes: 'Non ha aperto.' })).status).toBe(200);
    const created = await ponte.json<Delivery>('POST', url, { deliveredOn: today, quantityHundredths: 125 });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ quantityHundredths: 125, personAbsent: false, editable: true, version: 1 });
    const third = await ponte.json<ProviderIntervention>('GET', `/api/provider/interventions/${id}`);
    expect(third.body.months.find((m) => m.month === month)).toEqual({ month, plannedHundredths: 1300, deliveredHundredths: 275, absences: 1 });
    expect(third.body.deliveries).toHaveLength(3);
    expect(third.body.personName).toBeTruthy();
    // Shared plan parts only: the objective and task marked for Il Ponte, never the reserved ones nor the pact.
    expect(third.body.shared.objectives.map((o) => o.description)).toEqual(['Obiettivo condiviso con il fornitore']);
    expect(third.body.shared.tasks).toEqual([{ who: 'Coop. Sociale Il Ponte', task: 'Compito condiviso con Il Ponte' }]);
    expect(third.body.shared.supports.map((s) => s.serviceName)).toHaveLength(1);
    const text = JSON.stringify(third.body);
    for (const secret of ['riservat', 'La figlia Anna', 'Auser']) expect(text).not.toContain(secret);

    const home = (await list()).find((i) => i.serviceCode === 'C1.01');
    expect(home?.months.find((m) => m.month === month)).toEqual({ month, plannedHundredths: 1300, deliveredHundredths: 275, absences: 1 });
    expect(home?.deliveries.map((d) => d.staff)).toContain('Giulia Ferri');
    const after = await ponte.json<ProviderInterventionList>('GET', '/api/provider/interventions');
    expect(after.body.items.find((i) => i.id === id)?.deliveredHundredths).toBe(275);
  });

  it('refuses a future date, a date outside the period, a quantity with the person absent, an empty delivery: 400 in both languages', async () => {
    const id = (await list()).find((i) => i.serviceCode === 'C1.01')?.id ?? '';
    const url = `/api/provider/interventions/${id}/deliveries`;
    const future = shiftDate(dayInRome(), 3);
    for (const body of [
      { deliveredOn: future, quantityHundredths: 100 },
      { deliveredOn: '2001-01-01', quantityHundredths: 100 },
      { deliveredOn: today, quantityHundredths: 100, personAbsent: true },
      { deliveredOn: today, quantityHundredths: 0 },
      { deliveredOn: today, quantityHundredths: -5 },
      { deliveredOn: 'ieri', quantityHundredths: 100 },
    ]) {
      const reply = await ponte.request('POST', url, body);
      expect(reply.statusCode, JSON.stringify(body)).toBe(400);
      expect(reply.json<{ message: string }>().message).toBeTruthy();
    }
  });

  it('a correction with a stale version gets 412 with the current state; one older than 7 days gets 409', async () => {
    const id = (await list()).find((i) => i.serviceCode === 'C1.01')?.id ?? '';
    const detail = (await ponte.json<ProviderIntervention>('GET', `/api/provider/interventions/${id}`)).body;
    const d = detail.deliveries.find((x) => x.quantityHundredths === 125);
    expect(d?.editable).toBe(true);
    const url = `/api/provider/interventions/${id}/deliveries/${d?.id ?? ''}`;
    const first = await ponte.json<Delivery>('PUT', url, { deliveredOn: today, quantityHundredths: 200, staff: 'Paola Neri', version: d?.version });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ quantityHundredths: 200, staff: 'Paola Neri', version: 2 });
    const now = await ponte.json<ProviderIntervention>('GET', `/api/provider/interventions/${id}`);
    expect(now.body.months.find((m) => m.month === month)?.deliveredHundredths).toBe(350);
    const stale = await ponte.request('PUT', url, { deliveredOn: today, quantityHundredths: 100, version: d?.version });
    expect(stale.statusCode).toBe(412);
    expect(stale.json<{ data: { current: Delivery } }>().data.current).toMatchObject({ quantityHundredths: 200, version: 2 });
    await sql`UPDATE intervention_delivery SET recorded_at = trama_now() - interval '8 days' WHERE id = ${d?.id ?? ''}::uuid`.execute(t.database.db);
    const old = await ponte.request('PUT', url, { deliveredOn: today, quantityHundredths: 100, version: (d?.version ?? 0) + 1 });
    expect(old.statusCode).toBe(409);
  });

  it('provider reads and writes are logged with the person and the municipality; the owner’s reads as case_intervention', async () => {
    const db = t.database.db;
    const user = await db.selectFrom('app_user').select('id').where('username', '=', 'fornitore').executeTakeFirstOrThrow();
    const rows = await db.selectFrom('access_log').select(['action', 'person_id', 'municipality_code']).where('user_id', '=', user.id).where('record_type', '=', 'case_intervention').where('record_id', '=', caseId).execute();
    expect(rows.filter((r) => r.action === 'read').length).toBeGreaterThanOrEqual(3);
    expect(rows.filter((r) => r.action === 'create')).toHaveLength(3);
    expect(rows.filter((r) => r.action === 'update')).toHaveLength(1);
    expect(new Set(rows.map((r) => r.person_id))).toEqual(new Set([beneficiary]));
    expect(new Set(rows.map((r) => r.municipality_code))).toEqual(new Set([CASTEL_MAGGIORE]));
    const before = await caseLogCount(t, caseId, 'read', { recordType: 'case_intervention' });
    await list();
    expect(await caseLogCount(t, caseId, 'read', { recordType: 'case_intervention' })).toBe(before + 2);
  });

  it('a new active version updates the interventions of its supports and ends the dropped ones, keeping their deliveries; closing the plan ends them all', async () => {
    const before = await list();
    const home = before.find((i) => i.serviceCode === 'C1.01');
    const created = await worker.json<PlanVersion>('POST', `/api/cases/${caseId}/plan/versions/1/new-version`, { version: plan.version });
    expect(created.status).toBe(200);
    const supports = created.body.supports.filter((s) => s.serviceId === ids.sad).map((s) => ({ ...sad(ids, ids.ponte, 400), key: s.key }));
    let v2 = await saveContent(worker, created.body, { ...contentWith(ids, supports), periodStart: created.body.periodStart, periodEnd: created.body.periodEnd });
    v2 = await move(worker, v2, 'proposed');
    v2 = await move(worker, v2, 'agreed', inPerson);
    v2 = await move(worker, v2, 'active');
    const after = await list();
    expect(after).toHaveLength(2);
    const updated = after.find((i) => i.serviceCode === 'C1.01');
    expect(updated).toMatchObject({ id: home?.id, quantityHundredths: 400, planVersionNumber: 2, status: 'active' });
    expect(updated?.deliveries).toHaveLength(3);
    expect(updated?.months.find((m) => m.month === month)?.plannedHundredths).toBe(1733);
    expect(after.find((i) => i.serviceCode === 'D1.01')).toMatchObject({ status: 'ended' });
    await move(worker, v2, 'closed', { note: 'Obiettivi raggiunti.' });
    expect((await list()).every((i) => i.status === 'ended')).toBe(true);
  });
});
