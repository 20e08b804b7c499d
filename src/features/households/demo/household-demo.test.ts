import { describe, expect, it } from 'vitest';
import { planHouseholds } from './household-demo.ts';

const FAMILY = ['Rossi', 'Bianchi', 'Ferri', 'Gallo'];

/** A few hundred persons of two municipalities, born 1930–2015. */
const persons = Array.from({ length: 300 }, (_, i) => ({
  id: `p${i}`,
  family_name: FAMILY[i % FAMILY.length]!,
  sex: i % 2 ? ('M' as const) : ('F' as const),
  birth_date: `${1930 + ((i * 7) % 86)}-${String((i % 12) + 1).padStart(2, '0')}-15`,
  municipality_code: i % 3 ? '037019' : '037002',
  residence_address: `Via Demo ${i}`,
}));

describe('demo households', () => {
  const households = planHouseholds(persons, 20261125);
  const memberships = households.flatMap((h, index) => h.members.map((m) => ({ ...m, household: index })));

  it('gives each household one current reference person and keeps members in its municipality', () => {
    expect(households.length).toBeGreaterThan(30);
    for (const household of households) {
      expect(household.members.filter((m) => m.relationship === 'reference_person' && !m.validTo)).toHaveLength(1);
      for (const member of household.members) expect(persons.find((p) => p.id === member.personId)?.municipality_code).toBe(household.municipalityCode);
    }
  });

  it('never puts a person in two households at once, and records some past moves', () => {
    const byPerson = new Map<string, typeof memberships>();
    for (const m of memberships) byPerson.set(m.personId, [...(byPerson.get(m.personId) ?? []), m]);
    for (const list of byPerson.values()) {
      expect(list.filter((m) => !m.validTo).length).toBeLessThanOrEqual(1);
      const sorted = [...list].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
      for (let i = 1; i < sorted.length; i += 1) expect(sorted[i - 1]!.validTo! < sorted[i]!.validFrom).toBe(true);
    }
    expect(memberships.filter((m) => m.endReason === 'moved_to_household').length).toBeGreaterThan(3);
  });

  it('dates are in order: born before joining, joined before leaving, nothing after 2025', () => {
    for (const m of memberships) {
      const birth = persons.find((p) => p.id === m.personId)!.birth_date;
      expect(m.validFrom >= birth, `${m.personId} ${m.validFrom} ${birth}`).toBe(true);
      if (m.validTo) expect(m.validTo >= m.validFrom).toBe(true);
      expect(m.validFrom <= '2025-12-31').toBe(true);
    }
  });
});
