import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestApp, type Client, type TestApp } from '../../../test/support/test-app.ts';
import { personsIn } from '../accesses/access-test-kit.ts';
import { aCase, caseLogCount, CASTEL_MAGGIORE } from '../cases/cases-test-kit.ts';
import type { CaseDetail } from '../cases/cases.schemas.ts';
import type { ClosureObjectives, PlanVersion } from './care-plans.schemas.ts';
import { aContent, aPlan, catalogueIds, inPerson, move, saveContent, type CatalogueIds } from './care-plans-test-kit.ts';

interface ErrorReply {
  message: string;
  messageEn: string;
  details?: { path: string; message: string; messageEn: string }[];
}

const closing = (c: CaseDetail, objectiveOutcomes?: unknown[]) => ({
  to: 'closed',
  reason: 'Progetto concluso',
  closureReason: 'goals_achieved',
  closureOutcome: 'La signora vive a casa con il sostegno della figlia.',
  version: c.version,
  ...(objectiveOutcomes ? { objectiveOutcomes } : {}),
});

describe('case closure against the objectives of the plan in force', () => {
  let t: TestApp;
  let worker: Client;
  let persons: string[];
  let ids: CatalogueIds;

  beforeAll(async () => {
    t = await startTestApp();
    worker = await login(t.app, 'assistente');
    persons = await personsIn(t, CASTEL_MAGGIORE, 4);
    ids = await catalogueIds(t);
  });
  afterAll(() => t.close());

  const objectivesOf = (caseId: string) => worker.json<ClosureObjectives>('GET', `/api/cases/${caseId}/closure-objectives`);

  /** A case with an agreed plan of two objectives (the second without results). */
  async function caseWithAgreedPlan(person: string): Promise<{ c: CaseDetail; plan: PlanVersion }> {
    const c = await aCase(worker, [person]);
    const content = aContent(ids);
    const objectives = [...content.objectives, { description: 'Mantenere i contatti con le amiche del quartiere', sharedProviderIds: [], results: [] }];
    let plan = await saveContent(worker, await aPlan(worker, c.id), { ...content, objectives });
    plan = await move(worker, plan, 'proposed');
    plan = await move(worker, plan, 'agreed', inPerson);
    return { c, plan };
  }

  it('no plan ever agreed: no objectives to report on, the case closes without outcomes and refuses any', async () => {
    const c = await aCase(worker, [persons[0]!]);
    await saveContent(worker, await aPlan(worker, c.id), aContent(ids));
    const before = await caseLogCount(t, c.id, 'read', { recordType: 'case_plan' });
    const offered = await objectivesOf(c.id);
    expect(offered.status).toBe(200);
    expect(offered.body).toEqual({ planVersion: null, objectives: [] });
    expect(await caseLogCount(t, c.id, 'read', { recordType: 'case_plan' })).toBe(before + 1);
    const some = await worker.json<ErrorReply>('POST', `/api/cases/${c.id}/status`, closing(c, [{ objectiveId: 'x', outcome: 'achieved', note: null }]));
    expect(some.status).toBe(400);
    expect(some.body.details?.map((d) => d.path)).toEqual(['objectiveOutcomes']);
    const closed = await worker.json<CaseDetail>('POST', `/api/cases/${c.id}/status`, closing(c, []));
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', objectiveOutcomes: null });
  });

  it('an agreed plan: every objective needs an outcome, foreign or repeated objectives are refused, outcomes are stored with the text', async () => {
    const { c, plan } = await caseWithAgreedPlan(persons[1]!);
    const other = await caseWithAgreedPlan(persons[2]!);
    const offered = await objectivesOf(c.id);
    expect(offered.status).toBe(200);
    expect(offered.body.planVersion).toBe(1);
    expect(offered.body.objectives).toEqual([
      { id: plan.objectives[0]!.id, description: 'Restare a vivere a casa propria in sicurezza', results: [{ description: 'Igiene personale curata ogni giorno', indicator: 'Schede dell’operatrice senza giorni mancanti', targetDate: '2027-03-31' }] },
      { id: plan.objectives[1]!.id, description: 'Mantenere i contatti con le amiche del quartiere', results: [] },
    ]);
    const [first, second] = offered.body.objectives.map((o) => o.id) as [string, string];

    const none = await worker.json<ErrorReply>('POST', `/api/cases/${c.id}/status`, closing(c));
    expect(none.status).toBe(400);
    expect(none.body.details?.[0]).toMatchObject({ path: 'objectiveOutcomes' });
    expect(none.body.details?.[0]?.message).toContain('«Restare a vivere a casa propria in sicurezza», «Mantenere i contatti');
    expect(none.body.details?.[0]?.messageEn).toContain('missing');

    const missing = await worker.json<ErrorReply>('POST', `/api/cases/${c.id}/status`, closing(c, [{ objectiveId: first, outcome: 'achieved', note: null }]));
    expect(missing.status).toBe(400);
    expect(missing.body.details?.[0]?.message).toContain('Mantenere i contatti');
    expect(missing.body.details?.[0]?.message).not.toContain('Restare a vivere');

    const foreignId = other.plan.objectives[0]!.id;
    const foreign = await worker.json<ErrorReply>('POST', `/api/cases/${c.id}/status`, closing(c, [
      { objectiveId: first, outcome: 'achieved', note: null },
      { objectiveId: foreignId, outcome: 'achieved', note: null },
    ]));
    expect(foreign.status).toBe(400);
    expect(foreign.body.details?.map((d) => d.path)).toEqual(['objectiveOutcomes.1.objectiveId']);
    expect(foreign.body.details?.[0]?.messageEn).toContain('version 1');

    const unknown = await worker.json<ErrorReply>('POST', `/api/cases/${c.id}/status`, closing(c, [{ objectiveId: 'not-a-uuid', outcome: 'achieved', note: null }]));
    expect(unknown.status).toBe(400);
    expect(unknown.body.details?.map((d) => d.path)).toEqual(['objectiveOutcomes.0.objectiveId']);

    const twice = await worker.json<ErrorReply>('POST', `/api/cases/${c.id}/status`, closing(c, [
      { objectiveId: first, outcome: 'achieved', note: null },
      { objectiveId: first, outcome: 'not_achieved', note: null },
    ]));
    expect(twice.status).toBe(400);
    expect(twice.body.details?.map((d) => d.path)).toEqual(['objectiveOutcomes.1.objectiveId']);

    const unchanged = await worker.json<CaseDetail>('GET', `/api/cases/${c.id}`);
    expect(unchanged.body).toMatchObject({ status: 'open', version: c.version });

    const closed = await worker.json<CaseDetail>('POST', `/api/cases/${c.id}/status`, closing(c, [
      { objectiveId: second, outcome: 'partly_achieved', note: 'Esce con la vicina una volta la settimana.' },
      { objectiveId: first, outcome: 'achieved', note: null },
    ]));
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body.objectiveOutcomes).toEqual([
      { objectiveId: second, objective: 'Mantenere i contatti con le amiche del quartiere', outcome: 'partly_achieved', note: 'Esce con la vicina una volta la settimana.' },
      { objectiveId: first, objective: 'Restare a vivere a casa propria in sicurezza', outcome: 'achieved', note: null },
    ]);
    const stored = await t.database.db.selectFrom('case_record').select('closure_objective_outcomes').where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(stored.closure_objective_outcomes?.map((o) => [o.objectiveId, o.outcome])).toEqual([[second, 'partly_achieved'], [first, 'achieved']]);
    const read = await worker.json<CaseDetail>('GET', `/api/cases/${c.id}`);
    expect(read.body.objectiveOutcomes).toEqual(closed.body.objectiveOutcomes);
  });

  it('a new draft version does not count: the objectives are those of the agreed one until the new one is agreed', async () => {
    const { c, plan } = await caseWithAgreedPlan(persons[3]!);
    const active = await move(worker, plan, 'active');
    const started = await worker.json<PlanVersion>('POST', `/api/cases/${c.id}/plan/versions/1/new-version`, { version: active.version });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    const draft = started.body;
    const offered = await objectivesOf(c.id);
    expect(offered.body.planVersion).toBe(1);
    expect(offered.body.objectives.map((o) => o.id)).toEqual(plan.objectives.map((o) => o.id));
    // The draft's objectives (same item keys, other ids) are not those of the plan in force.
    const draftId = draft.objectives[0]!.id;
    expect(draftId).not.toBe(plan.objectives[0]!.id);
    const refused = await worker.json<ErrorReply>('POST', `/api/cases/${c.id}/status`, closing(c, [{ objectiveId: draftId, outcome: 'achieved', note: null }]));
    expect(refused.status).toBe(400);
    expect(refused.body.details?.map((d) => d.path)).toEqual(['objectiveOutcomes.0.objectiveId']);
  });
});
