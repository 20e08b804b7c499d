import type { z } from 'zod';
import type { CreateDiaryEntryBody, DiaryEntry } from '../../../../src/features/case-diary/case-diary.schemas.ts';
import type { DiaryKind } from '../../../../src/features/case-diary/case-diary.codes.ts';
import { clock } from '../../../../src/platform/time/clock.ts';

export type ExternalRow = { key: number; name: string; body: string };

export type DiaryFormState = {
  kind: DiaryKind;
  date: string;
  time: string;
  minutes: string;
  internalIds: string[];
  external: ExternalRow[];
  text: string;
};

const pad = (n: number) => String(n).padStart(2, '0');
const localDate = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const localTime = (d: Date) => `${pad(d.getHours())}:${pad(d.getMinutes())}`;
let rowKey = 0;
export const externalRow = (name = '', body = ''): ExternalRow => ({ key: ++rowKey, name, body });

export function emptyDiaryForm(): DiaryFormState {
  const now = clock.now();
  return { kind: 'interview', date: localDate(now), time: localTime(now), minutes: '30', internalIds: [], external: [], text: '' };
}

/** The form of a correction starts from the entry as it is now (the author is counted by the server). */
export function entryToForm(entry: DiaryEntry): DiaryFormState {
  const at = new Date(entry.occurredAt);
  return {
    kind: entry.kind,
    date: localDate(at),
    time: localTime(at),
    minutes: String(entry.minutes),
    internalIds: entry.internalParticipants.map((p) => p.id).filter((id) => id !== entry.author.id),
    external: entry.externalParticipants.map((p) => externalRow(p.name, p.body)),
    text: entry.text,
  };
}

/** The request body; an unreadable date or number is sent as is for the server to name the field. */
export function toDiaryBody(form: DiaryFormState): z.input<typeof CreateDiaryEntryBody> {
  const at = new Date(`${form.date}T${form.time || '00:00'}`);
  return {
    kind: form.kind,
    occurredAt: Number.isNaN(at.getTime()) ? form.date : at.toISOString(),
    minutes: Number(form.minutes),
    text: form.text,
    internalParticipantIds: form.internalIds,
    externalParticipants: form.external.filter((row) => row.name.trim() || row.body.trim()).map((row) => ({ name: row.name, body: row.body })),
  };
}
