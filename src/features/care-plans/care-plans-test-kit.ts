import { expect } from 'vitest';
import type { Client, TestApp } from '../../../test/support/test-app.ts';
import type { PlanVersion } from './care-plans.schemas.ts';

/** Helpers shared by this feature's integration tests (never imported by the application). */
export interface CatalogueIds {
  sad: string;
  ponte: string;
  arcobaleno: string;
  transport: string;
}

/** The demo services used in plans of Castel Maggiore: SAD delivered by Il Ponte, social transport delivered directly. */
export async function catalogueIds(t: TestApp): Promise<CatalogueIds> {
  const services = await t.database.db.selectFrom('service').select(['id', 'code']).where('code', 'in', ['C1.01', 'D1.01']).execute();
  const providers = await t.database.db.selectFrom('provider_organisation').select(['id', 'name']).execute();
  const service = (code: string) => services.find((s) => s.code === code)?.id ?? '';
  const provider = (name: string) => providers.find((p) => p.name.includes(name))?.id ?? '';
  return { sad: service('C1.01'), transport: service('D1.01'), ponte: provider('Il Ponte'), arcobaleno: provider('Arcobaleno') };
}

/** A plan's content: one objective with one result, SAD 3 h a week at € 21.37 for six months, a pact, a task, a review. */
export function aContent(ids: CatalogueIds, overrides: Record<string, unknown> = {}) {
  return {
    summary: 'Aiutare la signora a restare a casa sua in sicurezza.',
    periodStart: '2027-01-01',
    periodEnd: '2027-06-30',
    objectives: [
      {
        description: 'Restare a vivere a casa propria in sicurezza',
        sharedProviderIds: [ids.ponte],
        results: [{ description: 'Igiene personale curata ogni giorno', indicator: 'Schede dell’operatrice senza giorni mancanti', targetDate: '2027-03-31' }],
      },
    ],
    supports: [
      {
        serviceId: ids.sad,
        providerId: ids.ponte,
        quantityHundredths: 300,
        frequency: 'weekly',
        startDate: '2027-01-01',
        endDate: '2027-06-30',
        unitCostCents: 2137,
        fundingBody: 'union',
      },
    ],
    commitments: [{ whoKind: 'household', whoName: 'La figlia Anna', commitment: 'Fa la spesa ogni sabato.' }],
    tasks: [{ whoKind: 'volunteer', whoName: 'Auser Castel Maggiore', task: 'Accompagna alle visite mediche.' }],
    reviews: [{ reviewOn: '2027-03-15', note: 'Prima verifica con la famiglia' }],
    ...overrides,
  };
}

export async function aPlan(worker: Client, caseId: string): Promise<PlanVersion> {
  const created = await worker.json<PlanVersion>('POST', `/api/cases/${caseId}/plan`, { periodStart: '2027-01-01', periodEnd: '2027-06-30' });
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  return created.body;
}

export async function saveContent(worker: Client, plan: PlanVersion, content: Record<string, unknown>): Promise<PlanVersion> {
  const saved = await worker.json<PlanVersion>('PUT', `/api/cases/${plan.caseId}/plan/versions/${String(plan.versionNumber)}`, { ...content, version: plan.version });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  return saved.body;
}

export async function move(worker: Client, plan: PlanVersion, to: string, extra: Record<string, unknown> = {}): Promise<PlanVersion> {
  const moved = await worker.json<PlanVersion>('POST', `/api/cases/${plan.caseId}/plan/versions/${String(plan.versionNumber)}/transition`, { to, version: plan.version, ...extra });
  expect(moved.status, JSON.stringify(moved.body)).toBe(200);
  return moved.body;
}

export const inPerson = { agreement: { method: 'in_person', signedOn: '2026-11-20', signedByName: 'Maria Rossi' } };
