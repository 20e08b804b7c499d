import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestApp, type Client, type TestApp } from '../../../test/support/test-app.ts';
import { addMember, createHousehold, currentMembershipCount, householdOf, logRows, membershipOf, registerPerson } from './households-test-support.ts';

describe('households', () => {
  let t: TestApp;
  let desk: Client;
  beforeAll(async () => {
    t = await startTestApp();
    desk = await login(t.app, 'sportello');
  });
  afterAll(() => t.close());

  it('creates a household with its reference person and shared address, shown on every member’s page', async () => {
    const mother = await registerPerson(desk, { familyName: 'Zanardi', givenName: 'Elena', birthDate: '1978-03-02' });
    const son = await registerPerson(desk, { familyName: 'Zanardi', givenName: 'Tommaso', birthDate: '2010-09-15' });
    const householdId = await createHousehold(desk, mother, '2008-06-01', 'Via Gramsci 12');
    const added = await addMember(desk, householdId, son, 'child', '2010-09-15');
    expect(added.status).toBe(200);

    const view = await householdOf(desk, son);
    expect(view.current).toMatchObject({ id: householdId, municipalityName: 'Castel Maggiore', address: { address: 'Via Gramsci 12', postalCode: '40013', municipalityName: 'Castel Maggiore' } });
    expect(view.current?.members.map((m) => [m.person.givenName, m.relationship, m.validFrom])).toEqual([
      ['Elena', 'reference_person', '2008-06-01'],
      ['Tommaso', 'child', '2010-09-15'],
    ]);
    expect(view.current?.members[0]?.person).toMatchObject({ familyName: 'Zanardi', birthDate: '1978-03-02' });
    expect(view.history).toEqual([]);
    // The writes log the persons changed; the read logs every member it returned.
    expect(await logRows(t, mother, 'create')).toEqual([{ record_id: householdId }]);
    expect(await logRows(t, son, 'update')).toEqual([{ record_id: householdId }]);
    expect(await logRows(t, mother, 'read')).toEqual([{ record_id: householdId }]);
    expect(await logRows(t, son, 'read')).toEqual([{ record_id: householdId }]);
  });

  it('moves a person only when the move is confirmed, ending the old membership the day before and keeping the history', async () => {
    const parent = await registerPerson(desk, { familyName: 'Righi', givenName: 'Carlo', birthDate: '1960-01-20' });
    const daughter = await registerPerson(desk, { familyName: 'Righi', givenName: 'Marta', birthDate: '1990-04-04' });
    const partner = await registerPerson(desk, { familyName: 'Fabbri', givenName: 'Luca', birthDate: '1989-11-30' });
    const family = await createHousehold(desk, parent, '1988-05-01', 'Via Saliceto 3');
    expect((await addMember(desk, family, daughter, 'child', '1990-04-04')).status).toBe(200);
    const own = await createHousehold(desk, partner, '2015-02-01', 'Via Bondanello 40');

    const refused = await addMember(desk, own, daughter, 'partner', '2021-03-01');
    expect(refused.status).toBe(409);
    expect(refused.body.data).toMatchObject({ reason: 'moveRequired', householdId: family, endsOn: '2021-02-28', address: { address: 'Via Saliceto 3' } });
    expect(membershipOf(await householdOf(desk, daughter), daughter)?.relationship).toBe('child');

    const moved = await addMember(desk, own, daughter, 'partner', '2021-03-01', true);
    expect(moved.status).toBe(200);
    expect(await currentMembershipCount(t, daughter)).toBe(1);

    const view = await householdOf(desk, daughter);
    expect(view.current?.id).toBe(own);
    expect(membershipOf(view, daughter)).toMatchObject({ relationship: 'partner', validFrom: '2021-03-01' });
    expect(view.history).toHaveLength(1);
    expect(view.history[0]).toMatchObject({
      householdId: family,
      relationship: 'child',
      validFrom: '1990-04-04',
      validTo: '2021-02-28',
      endReason: 'moved_to_household',
      address: { address: 'Via Saliceto 3' },
    });
    expect(view.history[0]?.members.map((m) => m.person.givenName)).toEqual(['Carlo', 'Marta']);
    const parentsView = await householdOf(desk, parent);
    expect(parentsView.current?.members.map((m) => m.person.givenName)).toEqual(['Carlo']);
    // Both households the move touched are in the log of the person who moved.
    expect((await logRows(t, daughter, 'update')).map((r) => r.record_id).sort()).toEqual([family, family, own].sort());
  });

  it('a person belongs to one current household: creating another one for them also asks to confirm the move', async () => {
    const person = await registerPerson(desk, { familyName: 'Govoni', givenName: 'Ada' });
    const first = await createHousehold(desk, person, '2001-01-01');
    const second = await desk.json<{ data: { householdId: string } }>('POST', '/api/households', { referencePersonId: person, validFrom: '2024-05-10', address: null });
    expect(second.status).toBe(409);
    expect(second.body.data.householdId).toBe(first);
    const before = await t.database.db.selectFrom('household').select('id').execute();
    const confirmed = await desk.json<{ id: string }>('POST', '/api/households', { referencePersonId: person, validFrom: '2024-05-10', address: null, move: true });
    expect(confirmed.status).toBe(200);
    expect((await t.database.db.selectFrom('household').select('id').execute()).length).toBe(before.length + 1);
    const view = await householdOf(desk, person);
    expect(view.current).toMatchObject({ id: confirmed.body.id, address: null });
    expect(view.history.map((h) => [h.householdId, h.validTo])).toEqual([[first, '2024-05-09']]);
    expect(await currentMembershipCount(t, person)).toBe(1);
  });

  it('keeps exactly one reference person: a second one is refused, and the leaving reference person names a successor', async () => {
    const reference = await registerPerson(desk, { familyName: 'Cevolani', givenName: 'Bruno', birthDate: '1950-02-02' });
    const wife = await registerPerson(desk, { familyName: 'Mazzoni', givenName: 'Iva', birthDate: '1952-07-07' });
    const household = await createHousehold(desk, reference, '1975-09-01');
    expect((await addMember(desk, household, wife, 'reference_person', '1975-09-01')).status).toBe(409);
    expect((await addMember(desk, household, wife, 'spouse', '1975-09-01')).status).toBe(200);
    const members = (await householdOf(desk, reference)).current!.members;
    const [referenceMember, wifeMember] = [members[0]!, members[1]!];

    const demote = await desk.json<{ details: { path: string }[] }>('PATCH', `/api/households/${household}/members/${referenceMember.membershipId}`, { relationship: 'spouse' });
    expect(demote.status).toBe(400);
    const end = `/api/households/${household}/members/${referenceMember.membershipId}/end`;
    const unnamed = await desk.json<{ details: { path: string; message: string; messageEn: string }[] }>('POST', end, { validTo: '2024-01-15', reason: 'deceased' });
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.details[0]).toMatchObject({ path: 'newReferenceMemberId', message: expect.stringContaining('persona di riferimento'), messageEn: expect.stringContaining('reference person') });
    expect(membershipOf(await householdOf(desk, reference), reference)?.validTo).toBeNull();

    const named = await desk.json('POST', end, { validTo: '2024-01-15', reason: 'deceased', newReferenceMemberId: wifeMember.membershipId });
    expect(named.status).toBe(200);
    const view = await householdOf(desk, wife);
    expect(view.current?.members.map((m) => [m.person.givenName, m.relationship])).toEqual([['Iva', 'reference_person']]);
    expect((await householdOf(desk, reference)).history[0]).toMatchObject({ validTo: '2024-01-15', endReason: 'deceased', relationship: 'reference_person' });
  });

  it('makes another member reference person only when the former one’s new relationship is given', async () => {
    const father = await registerPerson(desk, { familyName: 'Lodi', givenName: 'Aldo', birthDate: '1940-01-01' });
    const son = await registerPerson(desk, { familyName: 'Lodi', givenName: 'Ugo', birthDate: '1970-01-01' });
    const household = await createHousehold(desk, father, '1965-01-01');
    await addMember(desk, household, son, 'child', '1970-01-01');
    const sonMember = membershipOf(await householdOf(desk, son), son)!;
    const url = `/api/households/${household}/members/${sonMember.membershipId}`;
    const missing = await desk.json<{ details: { path: string }[] }>('PATCH', url, { relationship: 'reference_person' });
    expect(missing.status).toBe(400);
    expect(missing.body.details[0]?.path).toBe('formerReferenceRelationship');
    expect((await desk.json('PATCH', url, { relationship: 'reference_person', formerReferenceRelationship: 'parent' })).status).toBe(200);
    const view = await householdOf(desk, son);
    expect(view.current?.members.map((m) => [m.person.givenName, m.relationship])).toEqual([['Ugo', 'reference_person'], ['Aldo', 'parent']]);
    expect((await logRows(t, father, 'update')).length).toBe(1);
  });

  it('refuses dates in the wrong order with an Italian and English message, writing nothing', async () => {
    const person = await registerPerson(desk, { familyName: 'Bergonzoni', givenName: 'Rita', birthDate: '1985-05-05' });
    const other = await registerPerson(desk, { familyName: 'Bergonzoni', givenName: 'Ivo', birthDate: '1983-03-03' });
    const household = await createHousehold(desk, person, '2010-01-01');
    const member = membershipOf(await householdOf(desk, person), person)!;

    const early = await desk.json<{ details: { path: string; message: string; messageEn: string }[] }>(
      'POST', `/api/households/${household}/members/${member.membershipId}/end`, { validTo: '2009-12-31', reason: 'moved_out' },
    );
    expect(early.status).toBe(400);
    expect(early.body.details[0]).toMatchObject({ path: 'validTo', message: expect.stringContaining('31/12/2009'), messageEn: expect.stringContaining('before the membership started') });
    expect(membershipOf(await householdOf(desk, person), person)?.validTo).toBeNull();

    const beforeBirth = await desk.json<{ details: { path: string }[] }>('POST', '/api/households', { referencePersonId: other, validFrom: '1980-01-01', address: null });
    expect(beforeBirth.status).toBe(400);
    expect(beforeBirth.body.details[0]?.path).toBe('validFrom');
    const future = await addMember(desk, household, other, 'partner', '2999-01-01');
    expect(future.status).toBe(400);
    expect(future.body.details?.[0]?.messageEn).toContain('future');
    // Moving out on a day not after the start of the current membership would leave it ending before it began.
    const own = await createHousehold(desk, other, '2012-01-01');
    const backwards = await addMember(desk, household, other, 'partner', '2011-06-01', true);
    expect(backwards.status).toBe(400);
    expect(backwards.body.details?.[0]?.message).toContain('01/01/2012');
    expect((await householdOf(desk, other)).current?.id).toBe(own);
  });

  it('edits the shared address with the version read, refusing a stale version with 412', async () => {
    const person = await registerPerson(desk, { familyName: 'Tassinari', givenName: 'Nella' });
    const household = await createHousehold(desk, person, '2000-01-01', 'Via Vecchia 1');
    const saved = await desk.json<{ version: number }>('PUT', `/api/households/${household}`, { address: { address: 'Via Nuova 2', postalCode: null }, version: 1 });
    expect(saved).toMatchObject({ status: 200, body: { version: 2 } });
    const stale = await desk.json<{ code: string; message: string }>('PUT', `/api/households/${household}`, { address: { address: 'Via Altra 3' }, version: 1 });
    expect(stale.status).toBe(412);
    expect(stale.body.message).toContain('ricaricare');
    expect((await householdOf(desk, person)).current?.address).toMatchObject({ address: 'Via Nuova 2', postalCode: null });
    expect(await logRows(t, person, 'update')).toEqual([{ record_id: household }]);
  });
});
