import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import { inScope, scopeFor } from '../../platform/access/scope.ts';
import type { Db } from '../../platform/db/database.ts';
import { scopedPersons } from '../registry/person-row.ts';
import type { EndReason, Relationship } from './households.codes.ts';
import type { Household, Member, PastMembership, PersonHousehold } from './households.schemas.ts';
import { addressColumns, municipalityNames, toAddress } from './household-address.ts';
import { logHousehold, personNotFound, type LoggedChange } from './household-rules.ts';
import { HOUSEHOLD_READ } from './permissions.ts';

interface MemberRow {
  id: string;
  household_id: string;
  relationship: Relationship;
  valid_from: string;
  valid_to: string | null;
  end_reason: string | null;
  person_id: string;
  family_name: string;
  given_name: string;
  birth_date: string | null;
  fiscal_code: string | null;
  visible: boolean;
}

const toMember = (row: MemberRow): Member => ({
  membershipId: row.id,
  person: { id: row.person_id, familyName: row.family_name, givenName: row.given_name, birthDate: row.birth_date, fiscalCode: row.fiscal_code },
  relationship: row.relationship,
  validFrom: row.valid_from,
  validTo: row.valid_to,
  endReason: row.end_reason as EndReason | null,
});

/** Reference person first, then by arrival and name. */
const byRole = (a: MemberRow, b: MemberRow) =>
  Number(b.relationship === 'reference_person') - Number(a.relationship === 'reference_person') ||
  a.valid_from.localeCompare(b.valid_from) ||
  `${a.family_name} ${a.given_name}`.localeCompare(`${b.family_name} ${b.given_name}`, 'it');

/** Members of a household whose membership overlaps the period (an open end is "until now"). */
function membersDuring(rows: MemberRow[], householdId: string, from: string, to: string | null) {
  const overlapping = rows.filter(
    (row) => row.household_id === householdId && (to === null ? row.valid_to === null : row.valid_from <= to && (row.valid_to === null || row.valid_to >= from)),
  );
  const visible = overlapping.filter((row) => row.visible).sort(byRole);
  return { visible, hidden: overlapping.length - visible.length };
}

/**
 * The person's current household with its members, and each past membership with who lived there
 * then. Only households and persons of the reader's territories are returned, and each person
 * returned is written to the access log in the same transaction.
 */
export async function getPersonHousehold(db: Db, actor: Actor, personId: string): Promise<PersonHousehold> {
  const scope = scopeFor(actor, HOUSEHOLD_READ);
  return db.transaction().execute(async (trx) => {
    const person = await scopedPersons(trx, scope).select(['p.id', 'p.municipality_code']).where('p.id', '=', personId).executeTakeFirst();
    if (!person) throw personNotFound();
    const memberships = await trx
      .selectFrom('household_member as m')
      .innerJoin('household as h', 'h.id', 'm.household_id')
      .select(['m.id', 'm.household_id', 'm.relationship', 'm.valid_from', 'm.valid_to', 'm.end_reason', 'h.municipality_code', 'h.version'])
      .select(addressColumns)
      .select(sql<boolean>`${inScope(scope, 'h.municipality_code', 'h.area_id')}`.as('visible'))
      .where('m.person_id', '=', personId)
      .orderBy('m.valid_from', 'desc')
      .execute();
    const shown = memberships.filter((m) => m.visible);
    const householdIds = [...new Set(shown.map((m) => m.household_id))];
    const rows: MemberRow[] = householdIds.length
      ? await trx
          .selectFrom('household_member as m')
          .innerJoin('person as p', 'p.id', 'm.person_id')
          .select(['m.id', 'm.household_id', 'm.relationship', 'm.valid_from', 'm.valid_to', 'm.end_reason', 'm.person_id'])
          .select(['p.family_name', 'p.given_name', 'p.birth_date', 'p.fiscal_code'])
          .select(sql<boolean>`${inScope(scope, 'p.municipality_code', 'p.area_id')}`.as('visible'))
          .where('m.household_id', 'in', householdIds)
          .execute()
      : [];
    const names = await municipalityNames(trx, shown.flatMap((m) => [m.municipality_code, m.address_municipality_code]));
    const open = memberships.find((m) => m.valid_to === null);
    // The reader learns the person's household, or that there is none: that read is logged too.
    const logged: LoggedChange[] = [
      { personId, householdId: open?.visible ? open.household_id : null, municipalityCode: person.municipality_code },
    ];
    const seen = (list: MemberRow[], householdId: string, municipalityCode: string) => {
      for (const row of list) logged.push({ personId: row.person_id, householdId, municipalityCode });
      return list.map(toMember);
    };

    let current: Household | null = null;
    if (open?.visible) {
      const { visible, hidden } = membersDuring(rows, open.household_id, open.valid_from, null);
      current = {
        id: open.household_id,
        municipalityCode: open.municipality_code,
        municipalityName: names.get(open.municipality_code) ?? open.municipality_code,
        address: toAddress(open, names),
        version: open.version,
        members: seen(visible, open.household_id, open.municipality_code),
        hiddenMembers: hidden,
      };
    }
    const history: PastMembership[] = shown
      .filter((m) => m.valid_to !== null)
      .map((m) => {
        const validTo = m.valid_to ?? m.valid_from;
        const { visible, hidden } = membersDuring(rows, m.household_id, m.valid_from, validTo);
        return {
          membershipId: m.id,
          householdId: m.household_id,
          municipalityName: names.get(m.municipality_code) ?? m.municipality_code,
          address: toAddress(m, names),
          relationship: m.relationship,
          validFrom: m.valid_from,
          validTo,
          endReason: m.end_reason as EndReason | null,
          members: seen(visible, m.household_id, m.municipality_code),
          hiddenMembers: hidden,
        };
      });
    await logHousehold(trx, actor, scope, 'read', logged);
    return { personId, current, currentElsewhere: open !== undefined && !open.visible, history };
  });
}
