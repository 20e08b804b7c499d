import type { Actor } from '../../platform/access/actor.ts';
import { scopeFor } from '../../platform/access/scope.ts';
import { writeAccessLog } from '../../platform/audit/access-log.ts';
import type { Db } from '../../platform/db/database.ts';
import { notFound } from '../../platform/http/errors.ts';
import { PERSON_READ } from './permissions.ts';
import { scopedPersons } from './person-row.ts';
import type { PersonHistoryEntry } from './registry.schemas.ts';
import '../../platform/auth/auth.tables.ts';

function diff(before: Record<string, unknown>, after: Record<string, unknown>) {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...fields]
    .filter((field) => field !== 'version' && JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null))
    .map((field) => ({ field, from: before[field] ?? null, to: after[field] ?? null }));
}

/** Every saved version of a person, newest first, each with what changed from the one before. */
export async function personHistory(db: Db, actor: Actor, personId: string): Promise<PersonHistoryEntry[]> {
  const scope = scopeFor(actor, PERSON_READ);
  return db.transaction().execute(async (trx) => {
    const person = await scopedPersons(trx, scope).select(['p.id', 'p.municipality_code']).where('p.id', '=', personId).executeTakeFirst();
    if (!person) throw notFound({ it: 'Persona non trovata nei territori di competenza.', en: 'Person not found in your territories.' });
    const versions = await trx
      .selectFrom('person_version as v')
      .innerJoin('app_user as u', 'u.id', 'v.changed_by')
      .select(['v.version', 'v.data', 'v.changed_at', 'u.display_name'])
      .where('v.person_id', '=', personId)
      .orderBy('v.version')
      .execute();
    await writeAccessLog(trx, actor, scope, 'read', [
      { personId, municipalityCode: person.municipality_code, recordType: 'person_history', recordId: personId },
    ]);
    return versions
      .map((v, index) => ({
        version: v.version,
        changedAt: v.changed_at,
        changedBy: v.display_name,
        changes: diff(index === 0 ? {} : (versions[index - 1]?.data ?? {}), v.data),
      }))
      .reverse();
  });
}
