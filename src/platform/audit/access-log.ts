import type { Actor } from '../access/actor.ts';
import { actingGrant, type Scope } from '../access/scope.ts';
import type { Db } from '../db/database.ts';
import type { AccessAction, AccessOutcome } from './access-log.schemas.ts';
import './access-log.tables.ts';

export interface AccessRecord {
  personId: string | null;
  municipalityCode: string | null;
  areaId?: string | null;
  recordType: string;
  recordId: string | null;
}

/**
 * Appends access-log rows. Call it with the transaction that reads or writes the data it records,
 * so the log and the access commit or fail together. A refused attempt is the exception: its request
 * fails, so its rows go in a transaction of their own once the refused one has rolled back.
 */
export async function writeAccessLog(
  trx: Db,
  actor: Actor,
  scope: Scope,
  action: AccessAction,
  records: AccessRecord[],
  outcome: AccessOutcome = 'allowed',
): Promise<void> {
  if (records.length === 0) return;
  await trx
    .insertInto('access_log')
    .values(
      records.map((record) => {
        const grant = actingGrant(scope, record.municipalityCode, record.areaId ?? null);
        return {
          user_id: actor.userId,
          role: grant?.role ?? 'unknown',
          grant_id: grant?.id ?? null,
          person_id: record.personId,
          municipality_code: record.municipalityCode,
          record_type: record.recordType,
          record_id: record.recordId,
          action,
          purpose: actor.purpose,
          request_id: actor.requestId,
          client_address: actor.clientAddress,
          outcome,
        };
      }),
    )
    .execute();
}
