import type { Db } from '../../../platform/db/database.ts';
import '../cases.tables.ts';

export interface OpenDemoCase {
  id: string;
  reference: string;
  municipality_code: string;
  owner_id: string;
}

/**
 * The first cases not closed of these owners, by reference: the demo seeders hang their records on the same
 * few cases, so that one demo case shows documents, letters, referrals and procedures together.
 */
export async function openDemoCases(trx: Db, ownerIds: readonly string[], limit: number): Promise<OpenDemoCase[]> {
  if (ownerIds.length === 0) return [];
  return trx
    .selectFrom('case_record')
    .select(['id', 'reference', 'municipality_code', 'owner_id'])
    .where('owner_id', 'in', ownerIds)
    .where('status', '<>', 'closed')
    .orderBy('reference')
    .limit(limit)
    .execute();
}
