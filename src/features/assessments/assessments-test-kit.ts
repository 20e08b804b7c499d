import type { TestApp } from '../../../test/support/test-app.ts';

/** Access-log rows of one record type and action on a case (helpers of this feature's integration tests). */
export async function recordLogCount(t: TestApp, caseId: string, recordType: 'case_assessment' | 'case_meeting', action: string): Promise<number> {
  const row = await t.database.db
    .selectFrom('access_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('record_type', '=', recordType)
    .where('record_id', '=', caseId)
    .where('action', '=', action)
    .executeTakeFirstOrThrow();
  return row.n;
}
