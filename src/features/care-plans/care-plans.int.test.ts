import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestApp, type Client, type TestApp } from '../../../test/support/test-app.ts';
import { demoStage } from '../../demo/demo-story.ts';
import { personsIn } from '../accesses/access-test-kit.ts';
import { aCase, CASTEL_MAGGIORE } from '../cases/cases-test-kit.ts';
import type { PlanComparison, PlanOverview, PlanVersion } from './care-plans.schemas.ts';
import { aContent, aPlan, catalogueIds, inPerson, move, saveContent, type CatalogueIds } from './care-plans-test-kit.ts';
import { clock } from '../../platform/time/clock.ts';

interface ErrorReply {
  code: string;
  message: string;
  messageEn: string;
  data?: { current?: PlanVersion; allowed?: string[] };
  details?: { path: string }[];
}

describe('personalised project: content, totals, lifecycle, versions', () => {
  let t: TestApp;
  let worker: Client;
  let worker2: Client;
  let persons: string[];
  let ids: CatalogueIds;

  beforeAll(async () => {
    t = await startTestApp();
    worker = await login(t.app, 'assistente');
    worker2 = await login(t.app, 'assistente2');
    persons = await personsIn(t, CASTEL_MAGGIORE, 6);
    ids = await catalogueIds(t);
  });
  afterAll(() => t.close());

  const url = (plan: PlanVersion, suffix = '') => `/api/cases/${plan.caseId}/plan/versions/${String(plan.versionNumber)}${suffix}`;

  it('the demo has an active plan signed in person and a draft, with the demo catalogue', async () => {
    const plansOf = (caseId: string) =>
      t.database.db
        .selectFrom('care_plan as p')
        .innerJoin('care_plan_support as s', 's.plan_id', 'p.id')
        .innerJoin('service as v', 'v.id', 's.service_id')
        .select(['p.status', 'p.signature_method', 'v.code'])
        .where('p.case_id', '=', caseId)
        .execute();
    const active = await plansOf(await demoStage(t.database.db, 'activePlan'));
    expect(active.filter((r) => r.status === 'active' && r.signature_method === 'in_person').map((r) => r.code).sort()).toEqual(['C1.01', 'C4.01', 'D1.01']);
    const draft = await plansOf(await demoStage(t.database.db, 'draftPlan'));
    expect(draft.map((r) => r.status)).toEqual(['draft', 'draft', 'draft']);
  });

  it('drafts a plan: items saved with keys, the unit from the service, totals right to the cent', async () => {
    const c = await aCase(worker, [persons[0]!]);
    const empty = await worker.json<PlanOverview>('GET', `/api/cases/${c.id}/plan`);
    expect(empty.body).toMatchObject({ versions: [], latest: null });
    const draft = await aPlan(worker, c.id);
    expect(draft).toMatchObject({ versionNumber: 1, status: 'draft', isEditable: true, allowedTransitions: ['proposed'] });
    const again = await worker.json<ErrorReply>('POST', `/api/cases/${c.id}/plan`, { periodStart: '2027-01-01', periodEnd: '2027-06-30' });
    expect(again.status).toBe(409);

    const saved = await saveContent(worker, draft, aContent(ids));
    expect(saved.objectives[0]?.results[0]?.indicator).toBe('Schede dell’operatrice senza giorni mancanti');
    expect(saved.supports[0]).toMatchObject({ unit: 'hours', providerName: 'Coop. Sociale Il Ponte', serviceCode: 'C1.01', sharedProviderIds: [ids.ponte] });
    // 3 h × € 21.37 × 52 / 12 = € 277.81 a month; six full months = € 1,666.86.
    expect(saved.supports[0]).toMatchObject({ monthlyCents: 27781, totalCents: 166686 });
    expect(saved.totals.monthlyCents).toBe(27781);
    expect(saved.totals.totalCents).toBe(166686);
    expect(saved.totals.byFundingBody).toEqual([{ fundingBody: 'union', cents: 166686 }]);
    expect(saved.totals.byMonth).toHaveLength(6);

    // A second support half-way through a month, paid by the Comune: totals per body add up.
    const content = aContent(ids);
    const withTransport = await saveContent(worker, saved, {
      ...content,
      objectives: saved.objectives.map((o) => ({ key: o.key, description: o.description, sharedProviderIds: o.sharedProviderIds, results: o.results.map(({ id: _id, ...r }) => r) })),
      supports: [
        { ...content.supports[0], key: saved.supports[0]?.key },
        { serviceId: ids.transport, providerId: null, quantityHundredths: 400, frequency: 'monthly', startDate: '2027-01-16', endDate: '2027-02-28', unitCostCents: 1250, fundingBody: 'municipality' },
      ],
    });
    // January 16–31: 4 × € 12.50 × 16/31 = € 25.806… → € 25.81; February full: € 50.00.
    expect(withTransport.supports[1]).toMatchObject({ unit: 'trips', providerId: null, monthlyCents: 5000, totalCents: 2581 + 5000 });
    expect(withTransport.totals.byFundingBody).toEqual([
      { fundingBody: 'municipality', cents: 7581 },
      { fundingBody: 'union', cents: 166686 },
    ]);
    expect(withTransport.totals.totalCents).toBe(166686 + 7581);
    expect(withTransport.supports[0]?.key).toBe(saved.supports[0]?.key);
  });

  it('refuses deliverers outside the arrangements and direct delivery of a provider-delivered service', async () => {
    const c = await aCase(worker, [persons[1]!]);
    const draft = await aPlan(worker, c.id);
    const content = aContent(ids);
    const wrongProvider = await worker.json<ErrorReply>('PUT', url(draft), { ...content, supports: [{ ...content.supports[0], providerId: ids.arcobaleno }], version: draft.version });
    expect(wrongProvider.status).toBe(400);
    expect(wrongProvider.body.details?.[0]?.path).toBe('supports.0.providerId');
    const direct = await worker.json<ErrorReply>('PUT', url(draft), { ...content, supports: [{ ...content.supports[0], providerId: null }], version: draft.version });
    expect(direct.status).toBe(400);
    const badObjective = await worker.json<ErrorReply>('PUT', url(draft), { ...content, supports: [{ ...content.supports[0], objectiveKey: crypto.randomUUID() }], version: draft.version });
    expect(badObjective.status).toBe(400);
    const floatCost = await worker.json<ErrorReply>('PUT', url(draft), { ...content, supports: [{ ...content.supports[0], unitCostCents: 21.37 }], version: draft.version });
    expect(floatCost.status).toBe(400);
  });

  it('two people saving the same draft: the second gets 412 with the current version', async () => {
    const c = await aCase(worker, [persons[2]!]);
    const draft = await aPlan(worker, c.id);
    await saveContent(worker, draft, aContent(ids));
    const stale = await worker2.json<ErrorReply>('PUT', url(draft), { ...aContent(ids), summary: 'Altro testo', version: draft.version });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    expect(stale.body.data?.current?.version).toBe(draft.version + 1);
    expect(stale.body.data?.current?.summary).toBe('Aiutare la signora a restare a casa sua in sicurezza.');
  });

  it('enforces the lifecycle: illegal steps refused, agreement needs how and when the person signed', async () => {
    const c = await aCase(worker, [persons[3]!]);
    let plan = await aPlan(worker, c.id);
    const emptyProposal = await worker.json<ErrorReply>('POST', url(plan, '/transition'), { to: 'proposed', version: plan.version });
    expect(emptyProposal.status).toBe(400);
    plan = await saveContent(worker, plan, aContent(ids));
    for (const to of ['agreed', 'active', 'under_review', 'closed', 'draft']) {
      const refused = await worker.json<ErrorReply>('POST', url(plan, '/transition'), { to, version: plan.version, ...inPerson });
      expect(refused.status, to).toBe(409);
      expect(refused.body.data?.allowed).toEqual(['proposed']);
    }
    plan = await move(worker, plan, 'proposed');
    expect(plan.proposedAt).not.toBeNull();
    const editProposed = await worker.json<ErrorReply>('PUT', url(plan), { ...aContent(ids), version: plan.version });
    expect(editProposed.status).toBe(409);
    expect(editProposed.body.message).toContain('riportarla prima in bozza');
    plan = await move(worker, plan, 'draft');
    plan = await move(worker, plan, 'proposed');
    const noAgreement = await worker.json<ErrorReply>('POST', url(plan, '/transition'), { to: 'agreed', version: plan.version });
    expect(noAgreement.status).toBe(400);
    const future = await worker.json<ErrorReply>('POST', url(plan, '/transition'), { to: 'agreed', version: plan.version, agreement: { ...inPerson.agreement, signedOn: '2099-01-01' } });
    expect(future.status).toBe(400);
    const scanWithoutRef = await worker.json<ErrorReply>('POST', url(plan, '/transition'), { to: 'agreed', version: plan.version, agreement: { ...inPerson.agreement, method: 'paper_scan' } });
    expect(scanWithoutRef.status).toBe(400);
    plan = await move(worker, plan, 'agreed', { agreement: { method: 'paper_scan', signedOn: '2026-11-20', signedByName: 'Maria Rossi', documentRef: 'Prot. 4521/2026' } });
    expect(plan.agreement).toMatchObject({ method: 'paper_scan', signedOn: '2026-11-20', signedByName: 'Maria Rossi', documentRef: 'Prot. 4521/2026', recordedBy: { displayName: 'Marco Bianchi (assistente sociale)' } });
    expect(plan.canStartNewVersion).toBe(true);
    plan = await move(worker, plan, 'active');
    plan = await move(worker, plan, 'under_review');
    plan = await move(worker, plan, 'active');
    plan = await move(worker, plan, 'closed', { note: 'Obiettivi raggiunti' });
    expect(plan).toMatchObject({ status: 'closed', closingNote: 'Obiettivi raggiunti', allowedTransitions: [], canStartNewVersion: false });
    const reopen = await worker.json<ErrorReply>('POST', url(plan, '/transition'), { to: 'active', version: plan.version });
    expect(reopen.status).toBe(409);
    expect(reopen.body.messageEn).toContain('allowed none');
  });

  it('an agreed version is immutable: every mutating endpoint refuses it, the database too', async () => {
    const c = await aCase(worker, [persons[4]!]);
    let plan = await saveContent(worker, await aPlan(worker, c.id), aContent(ids));
    plan = await move(worker, plan, 'proposed');
    plan = await move(worker, plan, 'agreed', inPerson);
    const edit = await worker.json<ErrorReply>('PUT', url(plan), { ...aContent(ids), summary: 'Cambiato', version: plan.version });
    expect(edit.status).toBe(409);
    expect(edit.body.message).toBe('La versione 1 del progetto è concordata e non si può modificare: per cambiarla creare una nuova versione.');
    expect(edit.body.messageEn).toContain('create a new version');
    for (const to of ['draft', 'proposed', 'agreed', 'under_review']) {
      const back = await worker.json<ErrorReply>('POST', url(plan, '/transition'), { to, version: plan.version, ...inPerson });
      expect(back.status, to).toBe(409);
    }
    const create = await worker.json<ErrorReply>('POST', `/api/cases/${c.id}/plan`, { periodStart: '2027-01-01', periodEnd: '2027-02-01' });
    expect(create.status).toBe(409);
    const direct = sql`UPDATE care_plan_objective SET description = 'x' WHERE plan_id = ${plan.id}`.execute(t.database.db);
    await expect(direct).rejects.toThrow(/not a draft/);
    const after = await worker.json<PlanVersion>('GET', url(plan));
    expect(after.body.summary).toBe(plan.summary);
    expect(after.body.objectives).toEqual(plan.objectives);
  });

  it('a new version is a draft copy; compare shows what changed; activating it closes the previous one', async () => {
    const c = await aCase(worker, [persons[5]!]);
    let v1 = await saveContent(worker, await aPlan(worker, c.id), aContent(ids));
    v1 = await move(worker, v1, 'proposed');
    v1 = await move(worker, v1, 'agreed', inPerson);
    v1 = await move(worker, v1, 'active');
    const notLatestDraft = await worker.json<ErrorReply>('POST', url(v1, '/new-version'), { version: v1.version + 3 });
    expect(notLatestDraft.status).toBe(412);
    const created = await worker.json<PlanVersion>('POST', url(v1, '/new-version'), { version: v1.version });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    let v2 = created.body;
    expect(v2).toMatchObject({ versionNumber: 2, basedOnVersion: 1, status: 'draft', agreement: null, summary: v1.summary });
    expect(v2.objectives.map((o) => o.key)).toEqual(v1.objectives.map((o) => o.key));
    expect(v2.objectives[0]?.id).not.toBe(v1.objectives[0]?.id);
    expect(v2.totals).toEqual(v1.totals);
    const twice = await worker.json<ErrorReply>('POST', url(v1, '/new-version'), { version: v1.version });
    expect(twice.status).toBe(409);

    const same = await worker.json<PlanComparison>('GET', url(v2, '/compare'));
    expect(same.body.sections.every((s) => s.added.length + s.removed.length + s.changed.length === 0)).toBe(true);

    const objective = v2.objectives[0]!;
    v2 = await saveContent(worker, v2, {
      ...aContent(ids),
      objectives: [
        { key: objective.key, description: objective.description, sharedProviderIds: objective.sharedProviderIds, results: objective.results.map(({ id: _id, ...r }) => r) },
        { description: 'Mantenere i contatti con il vicinato', results: [] },
      ],
      supports: [{ ...aContent(ids).supports[0], key: v2.supports[0]?.key, quantityHundredths: 400 }],
      commitments: [],
      tasks: v2.tasks.map((x) => ({ key: x.key, whoKind: x.whoKind, whoName: x.whoName, task: x.task })),
      reviews: v2.reviews.map((r) => ({ key: r.key, reviewOn: r.reviewOn, note: r.note })),
    });
    expect(v2.supports[0]?.monthlyCents).toBe(37041);
    const compared = await worker.json<PlanComparison>('GET', url(v2, '/compare'));
    expect(compared.status).toBe(200);
    expect(compared.body.previousVersionNumber).toBe(1);
    const section = (name: string) => compared.body.sections.find((s) => s.section === name)!;
    expect(section('objectives').added.map((a) => a.label)).toEqual(['Mantenere i contatti con il vicinato']);
    expect(section('commitments').removed.map((r) => r.label)).toEqual(['La figlia Anna']);
    expect(section('supports').changed[0]?.changes).toEqual(
      expect.arrayContaining([
        { field: 'quantityHundredths', before: '300', after: '400' },
        { field: 'monthlyCents', before: '27781', after: '37041' },
      ]),
    );
    expect(section('tasks').changed).toEqual([]);
    const first = await worker.json<PlanComparison>('GET', url(v1, '/compare'));
    expect(first.body.previousVersionNumber).toBeNull();

    v2 = await move(worker, v2, 'proposed');
    v2 = await move(worker, v2, 'agreed', { agreement: { method: 'online', signedOn: '2026-11-25', signedByName: 'Maria Rossi' } });
    v2 = await move(worker, v2, 'active');
    const overview = await worker.json<PlanOverview>('GET', `/api/cases/${c.id}/plan`);
    expect(overview.body.versions.map((v) => [v.versionNumber, v.status])).toEqual([
      [2, 'active'],
      [1, 'closed'],
    ]);
    const oldOne = await worker.json<PlanVersion>('GET', url(v1));
    expect(oldOne.body.closingNote).toBe('Sostituita dalla versione 2.');
    expect(oldOne.body.agreement?.method).toBe('in_person');
    expect(oldOne.body.objectives).toEqual(v1.objectives);
    const lastActivity = await t.database.db.selectFrom('case_record').select('last_activity_at').where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(Date.parse(lastActivity.last_activity_at)).toBeGreaterThan(clock.nowMs() - 60_000);
  });
});
