import { useEffect, useState } from 'react';
import type { StaffMember } from '../../../../src/features/appointments/appointments.schemas.ts';
import type { Office, SafetyFlag } from '../../../../src/features/appointments/rooms.schemas.ts';
import type { Person } from '../../../../src/features/registry/registry.schemas.ts';
import { registryApi } from '../registry/registry-api.ts';
import { appointmentsApi } from './appointments-api.ts';

export type BookingOptions = {
  person: Person | null;
  flag: SafetyFlag | null;
  /** Every office the user may book in (all municipalities of their territories). */
  offices: Office[];
  workers: StaffMember[];
  colleagues: StaffMember[];
  failure: unknown;
};

/** What the booking form offers: the person and their flag, offices with rooms, social workers and colleagues of the municipality. */
export function useBookingOptions(personId: string, municipalityCode: string): BookingOptions {
  const [person, setPerson] = useState<Person | null>(null);
  const [flag, setFlag] = useState<SafetyFlag | null>(null);
  const [offices, setOffices] = useState<Office[]>([]);
  const [workers, setWorkers] = useState<StaffMember[]>([]);
  const [colleagues, setColleagues] = useState<StaffMember[]>([]);
  const [failure, setFailure] = useState<unknown>(null);

  useEffect(() => {
    void appointmentsApi.offices().then(setOffices, setFailure);
  }, []);

  useEffect(() => {
    setPerson(null);
    setFlag(null);
    if (!personId) return;
    void registryApi.get(personId).then(setPerson, setFailure);
    void appointmentsApi.safetyFlag(personId).then(setFlag, setFailure);
  }, [personId]);

  useEffect(() => {
    setWorkers([]);
    setColleagues([]);
    if (!municipalityCode) return;
    void appointmentsApi.staff(municipalityCode, 'social_worker').then(setWorkers, setFailure);
    void appointmentsApi.staff(municipalityCode, 'staff').then(setColleagues, setFailure);
  }, [municipalityCode]);

  return { person, flag, offices, workers, colleagues, failure };
}
