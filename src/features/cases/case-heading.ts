import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import './cases.tables.ts';
import '../registry/registry.tables.ts';
import '../territories/territories.tables.ts';
import '../users/users.tables.ts';

export interface CaseHeadingPerson {
  id: string;
  fullName: string;
}

/** What a document or letter on a case names in its heading: the case, its territory, its owner, its persons. */
export interface CaseHeading {
  reference: string;
  /** The bare name («Castel Maggiore»): each document words it in its own language. */
  municipalityName: string;
  ownerName: string;
  /** The persons marked beneficiary, earliest added first. */
  beneficiaries: CaseHeadingPerson[];
  /** Whom a letter on the case is about: the first beneficiary, else the first person added; null on a case without persons. */
  beneficiary: CaseHeadingPerson | null;
}

/** No access is logged here: callers run inside withCaseContent, which logs the read or the print. */
export async function caseHeading(trx: Db, caseId: string): Promise<CaseHeading> {
  const head = await trx
    .selectFrom('case_record as c')
    .innerJoin('municipality as m', 'm.istat_code', 'c.municipality_code')
    .innerJoin('app_user as o', 'o.id', 'c.owner_id')
    .select(['c.reference', 'm.name as municipality_name', 'o.display_name as owner_name'])
    .where('c.id', '=', caseId)
    .executeTakeFirstOrThrow();
  const persons = await trx
    .selectFrom('case_person as cp')
    .innerJoin('person as p', 'p.id', 'cp.person_id')
    .select(['p.id', 'p.given_name', 'p.family_name', 'cp.role'])
    .where('cp.case_id', '=', caseId)
    .orderBy(sql`cp.role = 'beneficiary'`, 'desc')
    .orderBy('cp.added_at')
    .execute();
  const named = (p: (typeof persons)[number]): CaseHeadingPerson => ({ id: p.id, fullName: `${p.given_name} ${p.family_name}` });
  return {
    reference: head.reference,
    municipalityName: head.municipality_name,
    ownerName: head.owner_name,
    beneficiaries: persons.filter((p) => p.role === 'beneficiary').map(named),
    beneficiary: persons[0] ? named(persons[0]) : null,
  };
}
