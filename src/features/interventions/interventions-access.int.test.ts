import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestApp, type Client, type TestApp } from '../../../test/support/test-app.ts';
import { personsIn } from '../accesses/access-test-kit.ts';
import { aCase, CASTEL_MAGGIORE } from '../cases/cases-test-kit.ts';
import { aPlan, catalogueIds, inPerson, move, saveContent } from '../care-plans/care-plans-test-kit.ts';
import type { ProviderIntervention, ProviderInterventionList } from './interventions.schemas.ts';
import { contentWith, periodAroundToday, providerUser, sad, transport } from './interventions-test-kit.ts';

interface Org {
  providerId: string;
  client: Client;
  userId: string;
}

describe('provider isolation: a provider only ever sees and writes its own interventions', () => {
  let t: TestApp;
  let orgs: Org[];
  let caseIds: string[];
  /** Every intervention with its deliverer (null = direct). */
  let interventions: { id: string; providerId: string | null; caseId: string }[];
  const { today } = periodAroundToday();

  beforeAll(async () => {
    t = await startTestApp();
    const db = t.database.db;
    const ids = await catalogueIds(t);
    const third = await db.selectFrom('provider_organisation').select('id').where('id', 'not in', [ids.ponte, ids.arcobaleno]).orderBy('name').executeTakeFirstOrThrow();
    // Il Ponte delivers home care in Castel Maggiore; let the other two deliver it there too.
    for (const providerId of [ids.arcobaleno, third.id]) {
      await db.insertInto('service_arrangement_provider').values({ municipality_code: CASTEL_MAGGIORE, service_id: ids.sad, provider_id: providerId }).onConflict((oc) => oc.doNothing()).execute();
    }
    const fornitore = await login(t.app, 'fornitore');
    const fornitoreId = (await db.selectFrom('app_user').select('id').where('username', '=', 'fornitore').executeTakeFirstOrThrow()).id;
    const other = async (providerId: string): Promise<Org> => {
      const user = await providerUser(t, providerId);
      return { providerId, client: user, userId: user.userId };
    };
    // The second Arcobaleno user: same organisation, same interventions.
    orgs = [{ providerId: ids.ponte, client: fornitore, userId: fornitoreId }, await other(ids.arcobaleno), await other(third.id), await other(ids.arcobaleno)];
    const worker = await login(t.app, 'assistente');
    const persons = await personsIn(t, CASTEL_MAGGIORE, 6);
    const layouts = [[sad(ids, ids.ponte)], [sad(ids, ids.arcobaleno), transport(ids)], [sad(ids, ids.ponte), sad(ids, third.id, 150)]];
    caseIds = [];
    for (const [n, supports] of layouts.entries()) {
      const c = await aCase(worker, persons.slice(n * 2, n * 2 + 2));
      let plan = await saveContent(worker, await aPlan(worker, c.id), contentWith(ids, supports));
      plan = await move(worker, plan, 'proposed');
      plan = await move(worker, plan, 'agreed', inPerson);
      await move(worker, plan, 'active');
      caseIds.push(c.id);
    }
    interventions = (await db.selectFrom('intervention').select(['id', 'provider_id', 'case_id']).execute()).map((r) => ({ id: r.id, providerId: r.provider_id, caseId: r.case_id }));
    expect(interventions.length).toBeGreaterThanOrEqual(6);
  });
  afterAll(() => t.close());

  it('the portal list holds exactly the interventions its organisation delivers, in every case and municipality', async () => {
    for (const org of orgs) {
      const reply = await org.client.json<ProviderInterventionList>('GET', '/api/provider/interventions');
      expect(reply.status).toBe(200);
      const expected = interventions.filter((i) => i.providerId === org.providerId).map((i) => i.id);
      expect(reply.body.items.map((i) => i.id).sort()).toEqual(expected.sort());
    }
  });

  it('property: on every intervention endpoint a provider gets its own interventions and 404 for any other; writes land only on its own', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...orgs), fc.constantFrom(...interventions), fc.constantFrom('read', 'record', 'correct'), async (org, target, action) => {
        const own = target.providerId === org.providerId;
        const base = `/api/provider/interventions/${target.id}`;
        const before = await t.database.db.selectFrom('intervention_delivery').select(['id', 'version']).where('intervention_id', '=', target.id).execute();
        let status: number;
        let body: string;
        if (action === 'read') {
          const reply = await org.client.request('GET', base);
          [status, body] = [reply.statusCode, reply.body];
          if (own) expect(reply.json<ProviderIntervention>().id).toBe(target.id);
        } else if (action === 'record') {
          const reply = await org.client.request('POST', `${base}/deliveries`, { deliveredOn: today, quantityHundredths: 100, staff: 'Operatore' });
          [status, body] = [reply.statusCode, reply.body];
        } else {
          const existing = before[0];
          const deliveryId = existing?.id ?? '00000000-0000-4000-8000-000000000000';
          const reply = await org.client.request('PUT', `${base}/deliveries/${deliveryId}`, { deliveredOn: today, quantityHundredths: 50, version: existing?.version ?? 1 });
          [status, body] = [reply.statusCode, reply.body];
          if (own && existing) expect(status).toBe(200);
        }
        if (own) {
          expect([200, 404]).toContain(status);
          if (action !== 'correct') expect(status).toBe(200);
        } else {
          expect(status).toBe(404);
          expect(body).not.toContain(target.caseId);
          const after = await t.database.db.selectFrom('intervention_delivery').select(['id', 'version']).where('intervention_id', '=', target.id).execute();
          expect(after).toEqual(before);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('the case, plan, diary, assessment and case-intervention endpoints answer 403 or 404 to every provider on every case, and log nothing for them', async () => {
    const db = t.database.db;
    for (const caseId of caseIds) {
      const urls: [string, string, unknown][] = [
        ['GET', `/api/cases/${caseId}`, undefined],
        ['GET', `/api/cases/${caseId}/interventions`, undefined],
        ['GET', `/api/cases/${caseId}/plan`, undefined],
        ['GET', `/api/cases/${caseId}/plan/versions/1`, undefined],
        ['GET', `/api/cases/${caseId}/plan/versions/1/pdf`, undefined],
        ['GET', `/api/cases/${caseId}/diary`, undefined],
        ['POST', `/api/cases/${caseId}/diary`, { kind: 'note', text: 'x' }],
        ['GET', `/api/cases/${caseId}/assessments`, undefined],
        ['GET', `/api/cases/${caseId}/meetings`, undefined],
        ['GET', `/api/cases/${caseId}/letters`, undefined],
        ['GET', `/api/cases/${caseId}/procedures`, undefined],
      ];
      for (const org of orgs) {
        for (const [method, url, body] of urls) {
          const reply = await org.client.request(method as 'GET', url, body);
          expect([403, 404], `${method} ${url}`).toContain(reply.statusCode);
          expect(reply.body).not.toContain('riservat');
        }
      }
    }
    const logged = await db
      .selectFrom('access_log')
      .select('record_type')
      .where('user_id', 'in', orgs.map((o) => o.userId))
      .where('record_type', '<>', 'case_intervention')
      .execute();
    expect(logged).toEqual([]);
  });

  it('every provider read is logged once per intervention with the beneficiary and the municipality', async () => {
    const db = t.database.db;
    const org = orgs[1];
    if (!org) throw new Error('no org');
    const count = async () =>
      (await db.selectFrom('access_log').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', org.userId).where('record_type', '=', 'case_intervention').where('action', '=', 'read').executeTakeFirstOrThrow()).n;
    const before = await count();
    const list = await org.client.json<ProviderInterventionList>('GET', '/api/provider/interventions');
    expect(await count()).toBe(before + list.body.items.length);
    const rows = await db.selectFrom('access_log').select(['person_id', 'municipality_code']).where('user_id', '=', org.userId).where('record_type', '=', 'case_intervention').execute();
    expect(rows.every((r) => r.person_id !== null && r.municipality_code !== null)).toBe(true);
  });
});
