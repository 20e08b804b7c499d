import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestApp, type Client, type TestApp, passwordChosenByOwner } from '../../../test/support/test-app.ts';
import type { Role } from '../../platform/access/roles.ts';
import { addMember, CASTEL_MAGGIORE, createHousehold, currentMembershipCount, householdOf, registerPerson } from './households-test-support.ts';

const BOLOGNA = '037006';

describe('households: territories, roles and the access log', () => {
  let t: TestApp;
  let desk: Client;
  let argelato: string;
  let users = 0;

  /** A user with one grant on one municipality. */
  async function userOn(role: Role, municipalityCode: string): Promise<Client> {
    const admin = await login(t.app, 'admin');
    users += 1;
    const username = `hh${users}.${role.replace('_', '')}`;
    const user = await admin.json<{ id: string }>('POST', '/api/users', { username, displayName: username, password: 'una-password-lunga' });
    await passwordChosenByOwner(t.database, user.body.id);
    const grant = await admin.request('POST', `/api/users/${user.body.id}/grants`, { role, territoryKind: 'municipality', territoryId: municipalityCode });
    expect(grant.statusCode).toBe(200);
    return login(t.app, username, 'una-password-lunga');
  }

  beforeAll(async () => {
    t = await startTestApp();
    desk = await login(t.app, 'sportello');
    argelato = (await t.database.db.selectFrom('municipality').select('istat_code').where('name', '=', 'Argelato').executeTakeFirstOrThrow()).istat_code;
  });
  afterAll(() => t.close());

  it('persons and households outside the actor’s territories are not found, and nothing is written', async () => {
    const bolognaDesk = await userOn('front_desk', BOLOGNA);
    const person = await registerPerson(desk, { familyName: 'Malaguti', givenName: 'Fosca' });
    const household = await createHousehold(desk, person, '2005-01-01');
    const member = (await householdOf(desk, person)).current!.members[0]!;
    const readLog = () => t.database.db.selectFrom('access_log').select('id').where('person_id', '=', person).where('record_type', '=', 'household').where('action', '=', 'read').execute();
    const readsBefore = (await readLog()).length;

    const read = await bolognaDesk.request('GET', `/api/persons/${person}/household`);
    expect(read.statusCode).toBe(404);
    expect(read.body).not.toContain('Malaguti');
    expect((await bolognaDesk.request('PUT', `/api/households/${household}`, { address: null, version: 1 })).statusCode).toBe(404);
    expect((await bolognaDesk.request('POST', `/api/households/${household}/members/${member.membershipId}/end`, { validTo: '2020-01-01', reason: 'moved_out' })).statusCode).toBe(404);
    const outsider = await registerPerson(bolognaDesk, { familyName: 'Stanzani', municipalityCode: BOLOGNA });
    expect((await addMember(bolognaDesk, household, outsider, 'cohabitant', '2020-01-01')).status).toBe(404);
    // The Union's desk cannot reach a person registered in Bologna either.
    expect((await addMember(desk, household, outsider, 'cohabitant', '2020-01-01')).status).toBe(404);
    expect((await desk.request('POST', '/api/households', { referencePersonId: outsider, validFrom: '2020-01-01', address: null })).statusCode).toBe(404);
    expect(await currentMembershipCount(t, outsider)).toBe(0);
    expect((await readLog()).length).toBe(readsBefore);
  });

  it('a municipality desk sees a household elsewhere only as "elsewhere", cannot move its members (403), and sees only its own members', async () => {
    const castelMaggioreDesk = await userOn('front_desk', CASTEL_MAGGIORE);
    const reference = await registerPerson(desk, { familyName: 'Bonora', givenName: 'Dino', municipalityCode: argelato });
    const lodger = await registerPerson(desk, { familyName: 'Ansaloni', givenName: 'Pia' });
    const elsewhere = await createHousehold(desk, reference, '2010-01-01');
    expect((await addMember(desk, elsewhere, lodger, 'cohabitant', '2015-01-01')).status).toBe(200);

    const view = await householdOf(castelMaggioreDesk, lodger);
    expect(view).toMatchObject({ current: null, currentElsewhere: true, history: [] });
    const brother = await registerPerson(castelMaggioreDesk, { familyName: 'Ansaloni', givenName: 'Gino' });
    const own = await createHousehold(castelMaggioreDesk, brother, '2012-01-01');
    const move = await addMember(castelMaggioreDesk, own, lodger, 'sibling', '2024-01-01', true);
    expect(move.status).toBe(403);
    expect(move.body.details ?? []).toEqual([]);
    expect((await householdOf(desk, lodger)).current?.id).toBe(elsewhere);

    // A Castel Maggiore household with a member registered in Argelato: counted, never named.
    const neighbour = await registerPerson(desk, { familyName: 'Gardini', givenName: 'Olga', municipalityCode: argelato });
    expect((await addMember(desk, own, neighbour, 'cohabitant', '2024-02-01')).status).toBe(200);
    const ownView = await householdOf(castelMaggioreDesk, brother);
    expect(ownView.current?.members.map((m) => m.person.givenName)).toEqual(['Gino']);
    expect(ownView.current?.hiddenMembers).toBe(1);
    expect(JSON.stringify(ownView)).not.toContain('Gardini');
  });

  it('providers, officials, administrators and clerks get 403 on every household route', async () => {
    const person = await registerPerson(desk, { familyName: 'Quadri', givenName: 'Ines' });
    const household = await createHousehold(desk, person, '2000-01-01');
    for (const username of ['fornitore', 'assessore', 'admin', 'amministrativo']) {
      const client = await login(t.app, username);
      const probes = [
        await client.request('GET', `/api/persons/${person}/household`),
        await client.request('POST', '/api/households', { referencePersonId: person, validFrom: '2020-01-01', address: null }),
        await client.request('PUT', `/api/households/${household}`, { address: null, version: 1 }),
        await client.request('POST', `/api/households/${household}/members`, { personId: person, relationship: 'other', validFrom: '2020-01-01' }),
      ];
      for (const response of probes) {
        expect(response.statusCode, username).toBe(403);
        expect(response.body).not.toContain('Quadri');
      }
    }
    expect((await householdOf(desk, person)).current?.members).toHaveLength(1);
  });

  it('social workers and the manager read the household; each read is logged with the reason given', async () => {
    const person = await registerPerson(desk, { familyName: 'Vignoli', givenName: 'Ermes' });
    const household = await createHousehold(desk, person, '1999-01-01');
    for (const username of ['assistente', 'responsabile']) {
      const client = await login(t.app, username);
      const response = await client.request('GET', `/api/persons/${person}/household`, undefined, { 'x-trama-purpose': encodeURIComponent('Colloquio di verifica') });
      expect(response.statusCode).toBe(200);
    }
    const rows = await t.database.db
      .selectFrom('access_log')
      .select(['role', 'purpose', 'record_id'])
      .where('person_id', '=', person)
      .where('action', '=', 'read')
      .where('record_type', '=', 'household')
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { role: 'social_worker', purpose: 'Colloquio di verifica', record_id: household },
      { role: 'service_manager', purpose: 'Colloquio di verifica', record_id: household },
    ]);
  });
});
