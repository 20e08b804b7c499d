import { expect } from 'vitest';
import { login, type Client, type TestApp, passwordChosenByOwner } from '../../../test/support/test-app.ts';
import { unionId } from '../accesses/access-test-kit.ts';
import type { CatalogueIds } from '../care-plans/care-plans-test-kit.ts';
import { dayInRome } from '../../platform/time/rome.ts';

/** Helpers shared by this feature's integration tests (never imported by the application). */
const PASSWORD = 'Interventi-2026!';
let count = 0;

/** A provider user of the Union working for `providerId`. */
export async function providerUser(t: TestApp, providerId: string): Promise<Client & { userId: string }> {
  const admin = await login(t.app, 'admin');
  const username = `int${String(++count)}.provider.${String(process.pid)}`;
  const user = await admin.json<{ id: string }>('POST', '/api/users', { username, displayName: `Fornitore ${username}`, password: PASSWORD });
  await passwordChosenByOwner(t.database, user.body.id);
  expect(user.status).toBe(200);
  const grant = await admin.request('POST', `/api/users/${user.body.id}/grants`, { role: 'provider', territoryKind: 'union', territoryId: await unionId(t), providerId });
  expect(grant.statusCode, grant.body).toBe(200);
  return { ...(await login(t.app, username, PASSWORD)), userId: user.body.id };
}

/** Today in Rome, and the first day of the previous month and the last day of the month five months ahead: a period around today. */
export function periodAroundToday(): { today: string; month: string; from: string; to: string } {
  const today = dayInRome();
  const [y = 2026, m = 1] = today.split('-').map(Number);
  const from = new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 10);
  const to = new Date(Date.UTC(y, m + 5, 0)).toISOString().slice(0, 10);
  return { today, month: today.slice(0, 7), from, to };
}

/** A plan content with the given supports (SAD weekly by a provider, transport monthly delivered directly). */
export function contentWith(ids: CatalogueIds, supports: Record<string, unknown>[]) {
  const { from, to } = periodAroundToday();
  return {
    summary: 'Restare a casa in sicurezza.',
    periodStart: from,
    periodEnd: to,
    objectives: [
      { description: 'Obiettivo condiviso con il fornitore', sharedProviderIds: [ids.ponte, ids.arcobaleno], results: [] },
      { description: 'Obiettivo riservato al servizio sociale', sharedProviderIds: [], results: [] },
    ],
    supports: supports.map((s) => ({ startDate: from, endDate: to, fundingBody: 'union', unitCostCents: 2137, ...s })),
    commitments: [{ whoKind: 'household', whoName: 'La figlia Anna', commitment: 'Impegno riservato della famiglia.' }],
    tasks: [
      { whoKind: 'provider', providerId: ids.ponte, task: 'Compito condiviso con Il Ponte', sharedProviderIds: [ids.ponte] },
      { whoKind: 'volunteer', whoName: 'Auser', task: 'Compito riservato dei volontari' },
    ],
    reviews: [],
  };
}

export const sad = (ids: CatalogueIds, providerId: string, quantityHundredths = 300) => ({ serviceId: ids.sad, providerId, quantityHundredths, frequency: 'weekly', sharedProviderIds: [providerId] });
export const transport = (ids: CatalogueIds) => ({ serviceId: ids.transport, providerId: null, quantityHundredths: 200, frequency: 'monthly' });
