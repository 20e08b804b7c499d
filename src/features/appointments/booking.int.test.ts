import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/support/test-app.ts';
import type { Appointment, PersonAppointments } from './appointments.schemas.ts';
import { castelMaggiorePersons, clients, createOfficeWithRooms, logCount, userId } from './appointments.fixture.ts';

/** Dates far from the demo's appointments (which are around today), so the tests own their slots. */
const at = (day: string, time: string) => new Date(`${day}T${time}:00+01:00`).toISOString();

describe('booking appointments', () => {
  let t: TestApp;
  let c: Record<string, Client>;
  let rooms: Awaited<ReturnType<typeof createOfficeWithRooms>>;
  let persons: string[];
  let worker: string;
  let worker2: string;

  beforeAll(async () => {
    t = await startTestApp();
    c = await clients(t, ['sportello', 'assistente', 'responsabile']);
    rooms = await createOfficeWithRooms(c.responsabile!, 'Sede di prova');
    persons = await castelMaggiorePersons(t.database.db, 6);
    worker = await userId(t.database.db, 'assistente');
    worker2 = await userId(t.database.db, 'assistente2');
  });
  afterAll(() => t.close());

  const book = (overrides: Record<string, unknown>, client = c.sportello!) =>
    client.json<Appointment & { message: string; messageEn: string; details?: { path: string }[] }>('POST', '/api/appointments', {
      personId: persons[0],
      workerId: worker,
      kind: 'interview',
      roomId: rooms.plainRoomId,
      startsAt: at('2031-03-03', '09:00'),
      endsAt: at('2031-03-03', '10:00'),
      ...overrides,
    });

  it('books an interview, shows it in the worker’s calendar and logs the booking', async () => {
    const booked = await book({ kind: 'first_interview' });
    expect(booked.status).toBe(200);
    expect(booked.body).toMatchObject({ status: 'scheduled', workerId: worker, roomName: 'Stanza 1', officeName: 'Sede di prova', municipalityCode: '037019' });
    expect(await logCount(t.database.db, persons[0]!, 'appointment', 'create')).toBe(1);
    const calendar = await c.assistente!.json<Appointment[]>('GET', `/api/appointments?workerId=${worker}&from=2031-03-03&to=2031-03-09`);
    expect(calendar.body.map((a) => a.id)).toContain(booked.body.id);
    const room = await c.sportello!.json<Appointment[]>('GET', `/api/appointments?roomId=${rooms.plainRoomId}&from=2031-03-03&to=2031-03-03`);
    expect(room.body.map((a) => a.id)).toEqual([booked.body.id]);
  });

  it('refuses a second booking of the same worker at an overlapping time, naming the clash', async () => {
    const clash = await book({ personId: persons[1], roomId: rooms.protectedRoomId, startsAt: at('2031-03-03', '09:30'), endsAt: at('2031-03-03', '10:30') });
    expect(clash.status).toBe(409);
    expect(clash.body.message).toContain('Marco Bianchi');
    expect(clash.body.message).toContain('09:00');
    expect(clash.body.messageEn).toContain('already has an appointment');
  });

  it('refuses a second booking of the same room, and allows back-to-back slots', async () => {
    const clash = await book({ personId: persons[1], workerId: worker2, startsAt: at('2031-03-03', '09:45'), endsAt: at('2031-03-03', '10:15') });
    expect(clash.status).toBe(409);
    expect(clash.body.message).toContain('Stanza 1');
    expect(clash.body.details?.[0]?.path).toBe('roomId');
    const adjacent = await book({ personId: persons[1], startsAt: at('2031-03-03', '10:00'), endsAt: at('2031-03-03', '11:00') });
    expect(adjacent.status).toBe(200);
  });

  it('lets a cancelled slot be booked again, and asks a reason to cancel', async () => {
    const first = await book({ startsAt: at('2031-03-04', '09:00'), endsAt: at('2031-03-04', '10:00') });
    const noReason = await c.sportello!.json('POST', `/api/appointments/${first.body.id}/status`, { status: 'cancelled', version: 1 });
    expect(noReason.status).toBe(400);
    const cancelled = await c.sportello!.json<Appointment>('POST', `/api/appointments/${first.body.id}/status`, { status: 'cancelled', reason: 'La persona ha chiesto di spostare', version: 1 });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: 'La persona ha chiesto di spostare', version: 2 });
    const again = await book({ personId: persons[2], startsAt: at('2031-03-04', '09:00'), endsAt: at('2031-03-04', '10:00') });
    expect(again.status).toBe(200);
    const stale = await c.sportello!.json('POST', `/api/appointments/${first.body.id}/status`, { status: 'cancelled', reason: 'di nuovo', version: 1 });
    expect(stale.status).toBe(412);
  });

  it('of two bookings sent at once for the same slot, exactly one succeeds', async () => {
    const slot = { startsAt: at('2031-03-05', '11:00'), endsAt: at('2031-03-05', '12:00') };
    const results = await Promise.all([
      book({ ...slot, personId: persons[3], roomId: rooms.plainRoomId }),
      book({ ...slot, personId: persons[4], roomId: rooms.protectedRoomId }, c.assistente),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const roomRace = await Promise.all([
      book({ startsAt: at('2031-03-06', '11:00'), endsAt: at('2031-03-06', '12:00'), personId: persons[3] }),
      book({ startsAt: at('2031-03-06', '11:30'), endsAt: at('2031-03-06', '12:30'), personId: persons[4], workerId: worker2 }, c.assistente),
    ]);
    expect(roomRace.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it('refuses an end before the start, an overlong appointment and a missing room, writing nothing', async () => {
    const before = await logCount(t.database.db, persons[5]!, 'appointment');
    const backwards = await book({ personId: persons[5], startsAt: at('2031-03-07', '10:00'), endsAt: at('2031-03-07', '09:00') });
    expect(backwards.status).toBe(400);
    expect(backwards.body.details?.[0]).toMatchObject({ path: 'endsAt' });
    expect((await book({ personId: persons[5], startsAt: at('2031-03-07', '08:00'), endsAt: at('2031-03-07', '13:00') })).status).toBe(400);
    const noRoom = await book({ personId: persons[5], roomId: null, startsAt: at('2031-03-07', '08:00'), endsAt: at('2031-03-07', '09:00') });
    expect(noRoom.status).toBe(400);
    expect(noRoom.body.details?.[0]).toMatchObject({ path: 'roomId' });
    const phone = await book({ personId: persons[5], kind: 'phone_call', roomId: null, startsAt: at('2031-03-07', '08:00'), endsAt: at('2031-03-07', '08:15') });
    expect(phone.status).toBe(200);
    expect(await logCount(t.database.db, persons[5]!, 'appointment')).toBe(before + 1);
  });

  it('refuses a worker who is not a social worker of the territory', async () => {
    const manager = await userId(t.database.db, 'responsabile');
    const refused = await book({ workerId: manager, startsAt: at('2031-03-10', '09:00'), endsAt: at('2031-03-10', '10:00') });
    expect(refused.status).toBe(400);
    expect(refused.body.details?.[0]).toMatchObject({ path: 'workerId' });
    const staff = await c.sportello!.json<{ id: string }[]>('GET', '/api/appointments/staff?municipalityCode=037019');
    expect(staff.body.map((s) => s.id)).toEqual(expect.arrayContaining([worker, worker2]));
    expect(staff.body.map((s) => s.id)).not.toContain(manager);
  });

  it('offers free slots that leave out the worker’s and the room’s bookings', async () => {
    const slots = await c.sportello!.json<{ startsAt: string }[]>('GET', `/api/appointments/free-slots?workerId=${worker}&roomId=${rooms.plainRoomId}&date=2031-03-03&minutes=60`);
    const starts = slots.body.map((s) => s.startsAt);
    expect(starts).not.toContain(at('2031-03-03', '09:00'));
    expect(starts).not.toContain(at('2031-03-03', '10:30'));
    expect(starts).toContain(at('2031-03-03', '11:00'));
    expect(starts[0]).toBe(at('2031-03-03', '11:00'));
    expect(starts.at(-1)).toBe(at('2031-03-03', '16:30'));
  });

  it('shows a person’s upcoming and past appointments, and logs the read', async () => {
    const before = await logCount(t.database.db, persons[0]!, 'appointment', 'read');
    const list = await c.sportello!.json<PersonAppointments>('GET', `/api/persons/${persons[0]}/appointments`);
    expect(list.status).toBe(200);
    expect(list.body.upcoming.length).toBeGreaterThan(0);
    expect(await logCount(t.database.db, persons[0]!, 'appointment', 'read')).toBeGreaterThan(before);
  });
});
