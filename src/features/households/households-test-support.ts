import { expect } from 'vitest';
import type { Client, TestApp } from '../../../test/support/test-app.ts';
import type { PersonHousehold } from './households.schemas.ts';

export const CASTEL_MAGGIORE = '037019';
let counter = 0;

/** Registers a person (no fiscal code, a distinct name) in a municipality of the client's territories. */
export async function registerPerson(
  client: Client,
  overrides: { familyName?: string; givenName?: string; birthDate?: string; municipalityCode?: string } = {},
): Promise<string> {
  counter += 1;
  const response = await client.json<{ id: string }>('POST', '/api/persons', {
    person: {
      familyName: overrides.familyName ?? 'Lambertini',
      givenName: overrides.givenName ?? `Prova${String.fromCharCode(65 + (counter % 26))}${counter}`,
      birthDate: overrides.birthDate ?? '1970-05-12',
      municipalityCode: overrides.municipalityCode ?? CASTEL_MAGGIORE,
      preferredLanguage: 'it',
    },
    confirmDuplicates: true,
  });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body.id;
}

export async function createHousehold(client: Client, referencePersonId: string, validFrom = '2020-01-01', address = 'Via Matteotti 4'): Promise<string> {
  const response = await client.json<{ id: string }>('POST', '/api/households', {
    referencePersonId,
    validFrom,
    address: { address, postalCode: '40013', municipalityCode: CASTEL_MAGGIORE },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body.id;
}

export async function addMember(client: Client, householdId: string, personId: string, relationship: string, validFrom: string, move?: boolean) {
  return client.json<{ code?: string; data?: Record<string, unknown>; details?: { path: string; message: string; messageEn: string }[] }>(
    'POST',
    `/api/households/${householdId}/members`,
    { personId, relationship, validFrom, ...(move === undefined ? {} : { move }) },
  );
}

export async function householdOf(client: Client, personId: string): Promise<PersonHousehold> {
  const response = await client.json<PersonHousehold>('GET', `/api/persons/${personId}/household`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

export const membershipOf = (view: PersonHousehold, personId: string) => view.current?.members.find((m) => m.person.id === personId);

export async function logRows(t: TestApp, personId: string, action: string): Promise<{ record_id: string | null }[]> {
  return t.database.db
    .selectFrom('access_log')
    .select('record_id')
    .where('person_id', '=', personId)
    .where('record_type', '=', 'household')
    .where('action', '=', action)
    .execute();
}

export async function currentMembershipCount(t: TestApp, personId: string): Promise<number> {
  const rows = await t.database.db.selectFrom('household_member').select('id').where('person_id', '=', personId).where('valid_to', 'is', null).execute();
  return rows.length;
}
