import { sql } from 'kysely';
import type { DemoContext } from '../../../demo/feature-demos.ts';
import type { Db } from '../../../platform/db/database.ts';
import { mulberry32 } from '../../registry/demo/person-generator.ts';
import type { DiaryKind } from '../case-diary.codes.ts';
import type { ExternalParticipantRow } from '../case-diary.tables.ts';
import '../../cases/cases.tables.ts';
import '../case-diary.tables.ts';

interface Template {
  kind: DiaryKind;
  minutes: number;
  text: string;
  external?: ExternalParticipantRow[];
  withColleague?: boolean;
}

/** The usual path of the first weeks of a case, as a social worker writes it. */
const TEMPLATES: Template[] = [
  {
    kind: 'interview',
    minutes: 60,
    text: 'Primo colloquio in sede. La persona racconta la situazione familiare e le difficoltà degli ultimi mesi; si concorda di approfondire la situazione economica e abitativa. Consegnato l’elenco dei documenti da portare (ISEE, contratto di affitto).',
  },
  {
    kind: 'phone_call',
    minutes: 15,
    text: 'Telefonata con la figlia, che conferma la disponibilità a partecipare al prossimo incontro e segnala che la madre fatica a uscire di casa da sola.',
    external: [{ name: 'Figlia della persona', body: '' }],
  },
  {
    kind: 'home_visit',
    minutes: 90,
    text: 'Visita domiciliare con la collega. L’abitazione è al secondo piano senza ascensore; riscaldamento funzionante, frigorifero poco fornito. La persona appare orientata ma stanca. Valutata l’attivazione del pasto a domicilio.',
    withColleague: true,
  },
  {
    kind: 'network_meeting',
    minutes: 120,
    text: 'Incontro di rete con Ausl e medico di medicina generale: condivisa la necessità di una valutazione multidimensionale. Ausl segue il piano terapeutico; il servizio sociale attiva il sostegno domiciliare.',
    external: [
      { name: 'dott.ssa Neri', body: 'Ausl — Distretto Pianura Est' },
      { name: 'dott. Gallo', body: 'Medico di medicina generale' },
    ],
    withColleague: true,
  },
  {
    kind: 'correspondence',
    minutes: 20,
    text: 'Inviata e-mail al Centro per l’impiego per segnalare la disponibilità della persona a un percorso di tirocinio; in attesa di riscontro.',
    external: [{ name: 'Sportello orientamento', body: 'Centro per l’impiego di Bologna' }],
  },
  {
    kind: 'service_meeting',
    minutes: 45,
    text: 'Incontro in ufficio con la cooperativa che gestisce l’assistenza domiciliare: definiti orari (martedì e venerdì mattina) e compiti dell’operatrice.',
    external: [{ name: 'Coordinatrice del servizio', body: 'Cooperativa sociale Il Quadrifoglio' }],
  },
];
const DAY = 86_400_000;

async function insertEntry(trx: Db, entry: { caseId: string; municipalityCode: string; at: Date; template: Template; authorId: string; workers: string[] }) {
  const { template } = entry;
  const external = JSON.stringify(template.external ?? []);
  const created = await trx
    .insertInto('case_diary_entry')
    .values({
      case_id: entry.caseId,
      municipality_code: entry.municipalityCode,
      kind: template.kind,
      occurred_at: entry.at.toISOString(),
      minutes: template.minutes,
      body: template.text,
      external_participants: external,
      author_id: entry.authorId,
      created_at: entry.at.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('case_diary_entry_version')
    .values({
      entry_id: created.id,
      version: 1,
      kind: template.kind,
      occurred_at: entry.at.toISOString(),
      minutes: template.minutes,
      body: template.text,
      internal_participant_ids: JSON.stringify(entry.workers),
      external_participants: external,
      correction_reason: null,
      saved_at: entry.at.toISOString(),
      saved_by: entry.authorId,
    })
    .execute();
  await trx
    .insertInto('case_diary_time')
    .values(
      entry.workers.map((userId) => ({
        entry_id: created.id,
        user_id: userId,
        worked_on: sql<string>`(${entry.at.toISOString()}::timestamptz AT TIME ZONE 'Europe/Rome')::date`,
        minutes: template.minutes,
        municipality_code: entry.municipalityCode,
      })),
    )
    .execute();
  return { id: created.id, external };
}

/**
 * Two to five diary entries on each demo case, written by its owner in the first weeks after opening (a home
 * visit and a network meeting with the other social worker of the team), and on the first case a first
 * interview corrected once, so that the history can be seen. Does nothing without demo cases.
 */
export async function caseDiaryDemo(trx: Db, context: DemoContext): Promise<void> {
  const cases = await trx.selectFrom('case_record').select(['id', 'owner_id', 'municipality_code', 'opened_at', 'closed_at', 'last_activity_at']).orderBy('opened_at').orderBy('reference').execute();
  const random = mulberry32(context.seed + 11);
  const colleagues = [context.userIds.assistente, context.userIds.assistente2].filter((id): id is string => Boolean(id));
  const now = context.now.getTime();
  for (const [index, c] of cases.entries()) {
    const count = 2 + Math.floor(random() * 4);
    const opened = Date.parse(c.opened_at);
    const end = c.closed_at ? Date.parse(c.closed_at) : now;
    const span = Math.max(Math.min(end - opened - DAY, 90 * DAY), DAY);
    let last = opened;
    for (let n = 0; n < count; n += 1) {
      const template = TEMPLATES[n % TEMPLATES.length]!;
      const day = Math.min(now - 2 * 3_600_000, opened + Math.floor((span * (n + 1)) / (count + 1)));
      const at = new Date(day);
      at.setUTCHours(7 + Math.floor(random() * 8), [0, 15, 30, 45][Math.floor(random() * 4)], 0, 0);
      if (at.getTime() > now) at.setTime(now - 3_600_000);
      const colleague = colleagues.find((id) => id !== c.owner_id);
      const workers = template.withColleague && colleague ? [c.owner_id, colleague] : [c.owner_id];
      const saved = await insertEntry(trx, { caseId: c.id, municipalityCode: c.municipality_code, at, template, authorId: c.owner_id, workers });
      last = Math.max(last, at.getTime());
      if (index === 0 && n === 0) {
        const corrected = `${template.text} La persona riferisce anche un debito con il gestore delle utenze (circa 800 euro).`;
        const correctedAt = new Date(at.getTime() + DAY);
        await trx
          .updateTable('case_diary_entry')
          .set({ body: corrected, version: 2, corrected_at: correctedAt.toISOString(), corrected_by: c.owner_id })
          .where('id', '=', saved.id)
          .execute();
        await trx
          .insertInto('case_diary_entry_version')
          .values({
            entry_id: saved.id,
            version: 2,
            kind: template.kind,
            occurred_at: at.toISOString(),
            minutes: template.minutes,
            body: corrected,
            internal_participant_ids: JSON.stringify(workers),
            external_participants: saved.external,
            correction_reason: 'Aggiunta un’informazione emersa nel colloquio e omessa per errore',
            saved_at: correctedAt.toISOString(),
            saved_by: c.owner_id,
          })
          .execute();
      }
    }
    if (last > Date.parse(c.last_activity_at)) await trx.updateTable('case_record').set({ last_activity_at: new Date(last).toISOString() }).where('id', '=', c.id).execute();
  }
}
