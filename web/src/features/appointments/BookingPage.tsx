import { Alert, Button, Col, Row } from 'design-react-kit';
import { useEffect, useMemo, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { APPOINTMENT_KINDS, type AppointmentKind } from '../../../../src/features/appointments/appointments.codes.ts';
import { fieldErrorsOf } from '../../platform/api/error-text.ts';
import type { ComboOption } from '../../platform/components/Combobox.tsx';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { ErrorSummary, type SummaryItem } from '../../platform/components/ErrorSummary.tsx';
import { SelectField } from '../../platform/components/SelectField.tsx';
import { TextField } from '../../platform/components/TextField.tsx';
import { usePageTitle } from '../../platform/layout/use-page-title.ts';
import { PersonPicker } from '../registry/PersonPicker.tsx';
import { romeDate, romeInstant, shiftDate } from './appointment-format.ts';
import { appointmentsApi } from './appointments-api.ts';
import { FreeSlots } from './FreeSlots.tsx';
import { useBookingOptions } from './use-booking-options.ts';
import { clock } from '../../../../src/platform/time/clock.ts';

const LENGTHS = [15, 30, 45, 60, 90, 120, 180, 240];
const ROOMLESS: readonly AppointmentKind[] = ['home_visit', 'phone_call'];
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
/** Form fields, in page order, with the id of their control (the error summary links to them). */
const FIELDS = [
  ['personId', 'booking-person'],
  ['workerId', 'booking-worker'],
  ['kind', 'booking-kind'],
  ['startsAt', 'booking-date'],
  ['endsAt', 'booking-start'],
  ['roomId', 'booking-room'],
  ['colleagueOnCallId', 'booking-colleague'],
  ['notes', 'booking-notes'],
] as const;

/** Booking form; /appointments/new?personId=…&intakeItemId=…&accessId=… prefills the person and the links. */
export function BookingPage() {
  const { t, i18n } = useTranslation(['appointments', 'common']);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  usePageTitle(t('booking.title'));
  const intakeItemId = params.get('intakeItemId') ?? undefined;
  const accessId = params.get('accessId') ?? undefined;
  const [personOption, setPersonOption] = useState<ComboOption | null>(null);
  const personId = personOption?.value ?? params.get('personId') ?? '';
  const [municipalityCode, setMunicipalityCode] = useState('');
  const { person, flag, offices, workers, colleagues, failure: loadFailure } = useBookingOptions(personId, municipalityCode);
  const [workerId, setWorkerId] = useState(params.get('workerId') ?? '');
  const [kind, setKind] = useState<AppointmentKind>(intakeItemId ? 'first_interview' : 'interview');
  const [date, setDate] = useState(shiftDate(romeDate(clock.now()), 1));
  const [start, setStart] = useState('');
  const [minutes, setMinutes] = useState(60);
  const [roomId, setRoomId] = useState('');
  const [colleagueId, setColleagueId] = useState('');
  const [notes, setNotes] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const flagged = flag?.flagged ?? false;

  useEffect(() => {
    if (person && !personOption) setPersonOption({ value: person.id, label: `${person.familyName} ${person.givenName}` });
    if (person) setMunicipalityCode((current) => current || person.municipalityCode);
  }, [person, personOption]);

  const municipalities = useMemo(() => {
    const options = new Map<string, string>();
    if (person) options.set(person.municipalityCode, person.municipalityName);
    for (const office of offices) options.set(office.municipalityCode, office.municipalityName);
    return [...options].map(([value, label]) => ({ value, label }));
  }, [offices, person]);

  const rooms = offices
    .filter((office) => office.municipalityCode === municipalityCode)
    .flatMap((office) => office.rooms.filter((room) => room.isActive && (!flagged || room.isProtected)).map((room) => ({ room, office })));
  const roomOptions = rooms.map(({ room, office }) => ({
    value: room.id,
    label: t(room.isProtected ? 'booking.roomProtected' : 'booking.roomPlain', { name: room.name, office: office.name }),
  }));

  const serverErrors = fieldErrorsOf(failure, i18n.language);
  const errors: Record<string, string> = { ...serverErrors, ...localErrors };
  const summary: SummaryItem[] = FIELDS.filter(([field]) => errors[field]).map(([field, fieldId]) => ({ key: field, fieldId, label: t(`booking.${labelOf(field)}`), message: errors[field] ?? '' }));

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!personId) missing.personId = t('booking.required');
    if (!workerId) missing.workerId = t('booking.required');
    if (!TIME.test(start)) missing.endsAt = t('booking.badTime');
    setLocalErrors(missing);
    setFailure(null);
    if (Object.keys(missing).length) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setBusy(true);
    try {
      const startsAt = romeInstant(date, start);
      const booked = await appointmentsApi.book({
        personId,
        workerId,
        kind,
        municipalityCode: municipalityCode || undefined,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + minutes * 60_000).toISOString(),
        roomId: roomId || null,
        colleagueOnCallId: colleagueId || null,
        intakeItemId: intakeItemId ?? null,
        accessId: accessId ?? null,
        notes: notes.trim() || null,
      });
      void navigate(`/appointments/${encodeURIComponent(booked.id)}`, { state: { notice: 'booked' } });
    } catch (error) {
      setFailure(error);
      requestAnimationFrame(() => summaryRef.current?.focus());
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1>{t('booking.title')}</h1>
      <p>{t('booking.intro')}</p>
      {intakeItemId ? <Alert color="info" fade={false} testId="booking-from-referral">{t('booking.fromReferral')}</Alert> : null}
      {accessId && !intakeItemId ? <Alert color="info" fade={false} testId="booking-from-access">{t('booking.fromAccess')}</Alert> : null}
      <ErrorAlert error={loadFailure} testId="booking-load-error" />
      <form onSubmit={(event) => void submit(event)} noValidate data-testid="booking-form">
        <ErrorSummary ref={summaryRef} items={summary} />
        <ErrorAlert error={summary.length ? null : failure} testId="booking-error" />
        <PersonPicker id="booking-person" label={t('booking.person')} hint={t('booking.personHint')} selected={personOption} onSelect={(option) => { setPersonOption(option); setMunicipalityCode(''); }} error={errors.personId} required testId="booking-person" />
        {flagged ? <Alert color="warning" fade={false} testId="booking-flagged">{t('booking.flagged')}</Alert> : null}
        <Row>
          <Col xs={12} md={6}>
            <SelectField id="booking-municipality" label={t('booking.municipality')} value={municipalityCode} options={municipalities} onChange={(value) => { setMunicipalityCode(value); setRoomId(''); setWorkerId(''); }} placeholder={t('common:form.choose')} required />
          </Col>
          <Col xs={12} md={6}>
            <SelectField id="booking-worker" label={t('booking.worker')} value={workerId} options={workers.map((w) => ({ value: w.id, label: w.displayName }))} onChange={setWorkerId} placeholder={t('common:form.choose')} error={errors.workerId} required />
          </Col>
          <Col xs={12} md={6}>
            <SelectField id="booking-kind" label={t('booking.kind')} value={kind} options={APPOINTMENT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} onChange={(value) => { setKind(value as AppointmentKind); }} error={errors.kind} required />
          </Col>
          <Col xs={12} md={6}>
            <SelectField id="booking-room" label={t('booking.room')} value={roomId} options={roomOptions} onChange={setRoomId} placeholder={ROOMLESS.includes(kind) ? t('booking.roomOptional') : t('common:form.choose')} error={errors.roomId} required={!ROOMLESS.includes(kind)} />
          </Col>
          <Col xs={12} md={4}>
            <TextField id="booking-date" type="date" label={t('booking.date')} value={date} onChange={setDate} error={errors.startsAt} required />
          </Col>
          <Col xs={12} md={4}>
            <TextField id="booking-start" label={t('booking.start')} hint={t('booking.startHint')} value={start} onChange={setStart} error={errors.endsAt} required inputMode="numeric" maxLength={5} />
          </Col>
          <Col xs={12} md={4}>
            <SelectField id="booking-minutes" label={t('booking.minutes')} value={String(minutes)} options={LENGTHS.map((m) => ({ value: String(m), label: String(m) }))} onChange={(value) => { setMinutes(Number(value)); }} required />
          </Col>
        </Row>
        <FreeSlots workerId={workerId} roomId={roomId} date={date} minutes={minutes} chosen={start} onChoose={setStart} />
        <SelectField
          id="booking-colleague"
          label={t('booking.colleague')}
          hint={t('booking.colleagueHint')}
          value={colleagueId}
          options={colleagues.filter((c) => c.id !== workerId).map((c) => ({ value: c.id, label: c.displayName }))}
          onChange={setColleagueId}
          placeholder={t('common:form.none')}
          error={errors.colleagueOnCallId}
          required={flagged}
        />
        <TextField id="booking-notes" label={t('booking.notes')} hint={t('booking.notesHint')} value={notes} onChange={setNotes} error={errors.notes} maxLength={500} />
        <Button color="primary" type="submit" disabled={busy} testId="booking-submit">
          {busy ? t('booking.submitting') : t('booking.submit')}
        </Button>
      </form>
    </>
  );
}

function labelOf(field: (typeof FIELDS)[number][0]) {
  const labels = { personId: 'person', workerId: 'worker', kind: 'kind', startsAt: 'date', endsAt: 'start', roomId: 'room', colleagueOnCallId: 'colleague', notes: 'notes' } as const;
  return labels[field];
}
