import { Button } from 'design-react-kit';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FreeSlot } from '../../../../src/features/appointments/appointments.schemas.ts';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { romeClock } from './appointment-format.ts';
import { appointmentsApi } from './appointments-api.ts';

type Props = { workerId: string; roomId: string; date: string; minutes: number; chosen: string; onChoose: (time: string) => void };

/** The day's free slots of the worker and the room, as buttons that fill in the start time. */
export function FreeSlots({ workerId, roomId, date, minutes, chosen, onChoose }: Props) {
  const { t } = useTranslation('appointments');
  const [slots, setSlots] = useState<FreeSlot[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  useEffect(() => {
    setSlots(null);
    setFailure(null);
    if (!workerId || !date) return;
    void appointmentsApi.freeSlots({ workerId, roomId: roomId || undefined, date, minutes }).then(setSlots, setFailure);
  }, [workerId, roomId, date, minutes]);

  return (
    <fieldset className="mb-3" data-testid="free-slots">
      <legend className="form-label fs-6 fw-semibold mb-1">{t('booking.slots')}</legend>
      <p className="small mb-2">{workerId && date ? t('booking.slotsHint') : t('booking.slotsNeedWorker')}</p>
      <ErrorAlert error={failure} testId="free-slots-error" />
      {slots && slots.length === 0 ? <p data-testid="free-slots-none">{t('booking.noSlots')}</p> : null}
      <div className="d-flex flex-wrap gap-2">
        {(slots ?? []).map((slot) => {
          const time = romeClock(slot.startsAt);
          return (
            <Button
              key={slot.startsAt}
              type="button"
              size="xs"
              color="primary"
              outline={time !== chosen}
              aria-pressed={time === chosen}
              aria-label={t('booking.useSlot', { time })}
              onClick={() => { onChoose(time); }}
              testId={`free-slot-${time.replace(':', '')}`}
            >
              {time}
            </Button>
          );
        })}
      </div>
    </fieldset>
  );
}
