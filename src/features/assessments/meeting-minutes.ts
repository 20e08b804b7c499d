import type { Actor } from '../../platform/access/actor.ts';
import type { Db } from '../../platform/db/database.ts';
import { renderPdf, type PdfBlock } from '../../platform/documents/pdf.ts';
import { withCaseContent } from '../cases/case-access.ts';
import { caseHeading } from '../cases/case-heading.ts';
import { MEETING_RECORD_TYPE, readMeeting } from './meetings.service.ts';
import { clock } from '../../platform/time/clock.ts';

const TIME_ZONE = 'Europe/Rome';
const dateTime = (iso: string) => new Intl.DateTimeFormat('it-IT', { dateStyle: 'long', timeStyle: 'short', timeZone: TIME_ZONE }).format(new Date(iso));
const date = (iso: string) => new Intl.DateTimeFormat('it-IT', { dateStyle: 'long', timeZone: TIME_ZONE }).format(new Date(iso));

const paragraphs = (text: string): PdfBlock[] =>
  text
    .split(/\n\s*\n/u)
    .map((t) => t.trim())
    .filter((t) => t.length > 0)
    .map((t) => ({ kind: 'paragraph' as const, text: t }));

/** The minutes (verbale) of a UVM meeting as a tagged A4 PDF, in Italian; the print is logged. */
export function meetingMinutesPdf(db: Db, actor: Actor, caseId: string, id: string, now = clock.now()): Promise<Buffer> {
  return withCaseContent(db, actor, caseId, { action: 'print', recordType: MEETING_RECORD_TYPE }, async (trx) => {
    const meeting = await readMeeting(trx, caseId, id);
    const heading = await caseHeading(trx, caseId);
    const municipalityName = `Comune di ${heading.municipalityName}`;
    const yesNo = (b: boolean) => (b ? 'presente' : 'assente');
    const blocks: PdfBlock[] = [
      { kind: 'heading', text: 'Partecipanti' },
      {
        kind: 'table',
        columns: ['Nome', 'Ruolo', 'Ente', 'Presenza'],
        rows: meeting.participants.map((p) => [p.name, p.role, p.kind === 'external' ? p.body : municipalityName, yesNo(p.present)]),
      },
      { kind: 'heading', text: 'Quesito' },
      ...paragraphs(meeting.question),
      { kind: 'heading', text: 'Decisioni' },
      ...(meeting.decisions ? paragraphs(meeting.decisions) : [{ kind: 'paragraph' as const, text: '—' }]),
    ];
    if (meeting.followUps.length > 0) {
      blocks.push(
        { kind: 'heading', text: 'Impegni e verifiche' },
        {
          kind: 'table',
          columns: ['Azione', 'Chi', 'Entro', 'Stato'],
          rows: meeting.followUps.map((f) => [f.action, f.who, f.dueOn ? date(f.dueOn) : '—', f.done ? 'fatto' : 'da fare']),
        },
      );
    }
    const metadata = [`Caso ${heading.reference}`, `Data: ${dateTime(meeting.heldAt)}`, `Luogo: ${meeting.place}`];
    if (meeting.assessmentNumber) metadata.push(`Valutazione discussa: versione ${meeting.assessmentNumber}`);
    const title = 'Verbale di Unità di Valutazione Multidimensionale (UVM)';
    return renderPdf(
      {
        title,
        language: 'it',
        metadata,
        blocks,
        signatures: [{ label: 'Il verbalizzante', name: actor.displayName }],
        footer: { municipality: municipalityName, date: date(now.toISOString()) },
        author: actor.displayName,
        subject: title,
      },
      { creationDate: now },
    );
  });
}
