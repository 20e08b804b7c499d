import { expect } from 'vitest';
import type { Client, TestApp } from '../../../test/support/test-app.ts';
import { anAccess, CASTEL_MAGGIORE, hoursAgo } from '../accesses/access-test-kit.ts';
import type { Access } from '../accesses/accesses.schemas.ts';
import type { CaseDetail } from './cases.schemas.ts';

/** Helpers shared by this feature's integration tests (never imported by the application). */
export async function userIdsByName(t: TestApp, names: string[]): Promise<Record<string, string>> {
  const rows = await t.database.db.selectFrom('app_user').select(['id', 'username']).where('username', 'in', names).execute();
  return Object.fromEntries(rows.map((row) => [row.username, row.id]));
}

/** A referral recorded at the desk for these persons: returns its intake item id and version. */
export async function aReferral(t: TestApp, desk: Client, personIds: string[]): Promise<{ id: string; version: number }> {
  const persons = personIds.map((personId, index) => ({ personId, involvement: index === 0 ? 'beneficiary' : 'requester' }));
  const created = await desk.json<Access>('POST', '/api/accesses', anAccess({ occurredAt: hoursAgo(3), persons, outcome: 'referral', referralUrgency: 'ordinary' }));
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  return t.database.db.selectFrom('intake_item').select(['id', 'version']).where('access_id', '=', created.body.id).executeTakeFirstOrThrow();
}

/** A case opened directly by `worker` (a social worker) for a beneficiary of Castel Maggiore. */
export async function aCase(worker: Client, personIds: string[], body: Record<string, unknown> = {}): Promise<CaseDetail> {
  const persons = personIds.map((personId, index) => ({ personId, role: index === 0 ? 'beneficiary' : 'household_member' }));
  const opened = await worker.json<CaseDetail>('POST', '/api/cases', { persons, needAreaCodes: ['ELD'], ...body });
  expect(opened.status, JSON.stringify(opened.body)).toBe(200);
  return opened.body;
}

/**
 * Access-log rows of a case for an action: of record type `case` unless another feature's is given, by anyone
 * or by `userId`; the accesses that happened unless `outcome` asks for the refused attempts.
 */
export async function caseLogCount(
  t: TestApp,
  caseId: string,
  action: string,
  { userId, recordType = 'case', outcome = 'allowed' }: { userId?: string | undefined; recordType?: string; outcome?: 'allowed' | 'refused' } = {},
): Promise<number> {
  let query = t.database.db
    .selectFrom('access_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('record_type', '=', recordType)
    .where('record_id', '=', caseId)
    .where('action', '=', action)
    .where('outcome', '=', outcome);
  if (userId) query = query.where('user_id', '=', userId);
  return (await query.executeTakeFirstOrThrow()).n;
}

export { CASTEL_MAGGIORE };
