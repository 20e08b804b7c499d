import type { DemoContext } from '../../../demo/feature-demos.ts';
import type { Db } from '../../../platform/db/database.ts';
import { mulberry32 } from '../../registry/demo/person-generator.ts';
import type { Relationship } from '../households.codes.ts';
import '../households.tables.ts';
import '../../registry/registry.tables.ts';

/** Every demo date is on or before this day (the person generator counts ages back from 2026-01-01). */
const LAST_DAY = '2025-12-31';

interface DemoPerson {
  id: string;
  family_name: string;
  sex: 'M' | 'F' | null;
  birth_date: string | null;
  municipality_code: string;
  residence_address: string | null;
}

interface Membership {
  personId: string;
  relationship: Relationship;
  validFrom: string;
  validTo?: string;
  endReason?: 'moved_to_household';
}

interface DemoHousehold {
  municipalityCode: string;
  address: string | null;
  members: Membership[];
}

const year = (date: string) => Number(date.slice(0, 4));
const addYears = (date: string, years: number) => `${year(date) + years}${date.slice(4)}`.replace(/-02-29$/, '-02-28');
const minDate = (a: string, b: string) => (a < b ? a : b);
const maxDate = (a: string, b: string) => (a > b ? a : b);
function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Groups the demo persons of each municipality into plausible households: a reference person, often
 * a partner of similar age, children 20–45 years younger (preferring the same family name), some
 * elderly people living alone, and grown children who left their parents' household for their own.
 */
export function planHouseholds(persons: readonly DemoPerson[], seed: number): DemoHousehold[] {
  const random = mulberry32(seed ^ 0x4f7a11);
  const used = new Set<string>();
  const households: DemoHousehold[] = [];
  const adults = (list: readonly DemoPerson[]) => list.filter((p) => p.birth_date && year(p.birth_date) <= 2000);
  const byMunicipality = new Map<string, DemoPerson[]>();
  for (const person of persons) byMunicipality.set(person.municipality_code, [...(byMunicipality.get(person.municipality_code) ?? []), person]);

  for (const [municipalityCode, local] of byMunicipality) {
    for (const reference of adults(local)) {
      if (used.has(reference.id) || random() < 0.35) continue;
      const birth = reference.birth_date!;
      used.add(reference.id);
      const candidate = adults(local).find(
        (p) => !used.has(p.id) && p.sex !== reference.sex && Math.abs(year(p.birth_date!) - year(birth)) <= 8,
      );
      const partner = candidate && random() < 0.7 ? candidate : undefined;
      if (partner) used.add(partner.id);
      const children = local
        .filter((p) => !used.has(p.id) && p.birth_date && year(p.birth_date) - year(birth) >= 20 && year(p.birth_date) - year(birth) <= 45)
        .sort((a, b) => Number(b.family_name === reference.family_name) - Number(a.family_name === reference.family_name))
        .slice(0, Math.floor(random() * 3));
      // The household is formed in the reference person's twenties or early thirties, before any child is born.
      const start = children.reduce((earliest, child) => minDate(earliest, child.birth_date!), minDate(addYears(birth, 24 + Math.floor(random() * 10)), LAST_DAY));
      const household: DemoHousehold = {
        municipalityCode,
        address: reference.residence_address,
        members: [{ personId: reference.id, relationship: 'reference_person', validFrom: start }],
      };
      if (partner) {
        household.members.push({ personId: partner.id, relationship: random() < 0.75 ? 'spouse' : 'partner', validFrom: maxDate(start, addYears(partner.birth_date!, 18)) });
      }
      for (const child of children) {
        used.add(child.id);
        const validFrom = minDate(maxDate(start, child.birth_date!), LAST_DAY);
        const leaves = addYears(child.birth_date!, 22 + Math.floor(random() * 6));
        if (leaves < LAST_DAY && random() < 0.6) {
          // Grew up here, then left for a household of their own: the history keeps both.
          household.members.push({ personId: child.id, relationship: 'child', validFrom, validTo: dayBefore(leaves), endReason: 'moved_to_household' });
          households.push({ municipalityCode, address: child.residence_address, members: [{ personId: child.id, relationship: 'reference_person', validFrom: leaves }] });
        } else {
          household.members.push({ personId: child.id, relationship: 'child', validFrom });
        }
      }
      households.push(household);
    }
  }
  return households;
}

/** The demo households, written by the front-desk user. */
export async function seedHouseholdDemo(trx: Db, context: DemoContext): Promise<void> {
  const registrar = context.userIds.sportello;
  if (!registrar || context.personIds.length === 0) return;
  const persons = await trx
    .selectFrom('person')
    .select(['id', 'family_name', 'sex', 'birth_date', 'municipality_code', 'residence_address'])
    .where('id', 'in', context.personIds)
    .execute();
  const order = new Map(context.personIds.map((id, index) => [id, index]));
  persons.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  for (const planned of planHouseholds(persons, context.seed)) {
    const household = await trx
      .insertInto('household')
      .values({
        municipality_code: planned.municipalityCode,
        address: planned.address,
        address_municipality_code: planned.address ? planned.municipalityCode : null,
        created_by: registrar,
        updated_by: registrar,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('household_member')
      .values(
        planned.members.map((member) => ({
          household_id: household.id,
          person_id: member.personId,
          municipality_code: planned.municipalityCode,
          relationship: member.relationship,
          valid_from: member.validFrom,
          valid_to: member.validTo ?? null,
          end_reason: member.endReason ?? null,
          created_by: registrar,
          ended_by: member.validTo ? registrar : null,
        })),
      )
      .execute();
  }
}
