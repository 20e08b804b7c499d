import type { Actor } from '../../platform/access/actor.ts';
import type { Db } from '../../platform/db/database.ts';
import { readability } from '../../platform/documents/gulpease.ts';
import { renderPdf } from '../../platform/documents/pdf.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { fillPlaceholders } from '../case-settings/letter-placeholders.ts';
import { getLetterTemplate, letterBlocks, letterDate } from '../case-settings/letter-templates.service.ts';
import { touchCaseActivity, withCaseContent } from '../cases/case-access.ts';
import type { CaseLetter, UpdateLetterBody } from './case-letters.schemas.ts';
import { caseLetterValues } from './letter-values.ts';
import './case-letters.tables.ts';
import '../cases/cases.tables.ts';
import '../registry/registry.tables.ts';
import '../users/users.tables.ts';
import { clock } from '../../platform/time/clock.ts';

export const LETTER_RECORD = 'case_letter';

const letterNotFound = () => notFound({ it: 'Lettera non trovata in questo caso.', en: 'Letter not found in this case.' });
const alreadySent = () =>
  new AppError('CONFLICT', {
    message: { it: 'La lettera è già stata inviata: non si può più modificare. Scriverne una nuova.', en: 'The letter has already been sent and cannot be changed. Write a new one.' },
  });

function selectLetters(trx: Db, caseId: string) {
  return trx
    .selectFrom('case_letter as l')
    .innerJoin('app_user as cu', 'cu.id', 'l.created_by')
    .innerJoin('app_user as uu', 'uu.id', 'l.updated_by')
    .leftJoin('app_user as su', 'su.id', 'l.sent_by')
    .leftJoin('person as p', 'p.id', 'l.recipient_person_id')
    .select([
      'l.id', 'l.case_id', 'l.template_id', 'l.language', 'l.recipient_person_id', 'l.subject', 'l.body', 'l.status', 'l.created_at', 'l.created_by',
      'cu.display_name as created_by_name', 'l.updated_at', 'l.updated_by', 'uu.display_name as updated_by_name', 'l.sent_at', 'l.sent_by',
      'su.display_name as sent_by_name', 'l.gulpease_at_sending', 'l.version', 'p.given_name', 'p.family_name',
    ])
    .where('l.case_id', '=', caseId);
}
type Row = NonNullable<Awaited<ReturnType<ReturnType<typeof selectLetters>['executeTakeFirst']>>>;

function toLetter(row: Row): CaseLetter {
  return {
    id: row.id,
    caseId: row.case_id,
    templateId: row.template_id,
    language: row.language,
    recipient: row.recipient_person_id ? { id: row.recipient_person_id, fullName: `${row.given_name ?? ''} ${row.family_name ?? ''}`.trim() } : null,
    subject: row.subject,
    body: row.body,
    status: row.status,
    createdAt: row.created_at,
    createdBy: { id: row.created_by, displayName: row.created_by_name },
    updatedAt: row.updated_at,
    updatedBy: { id: row.updated_by, displayName: row.updated_by_name },
    sentAt: row.sent_at,
    sentBy: row.sent_by ? { id: row.sent_by, displayName: row.sent_by_name ?? '' } : null,
    gulpeaseAtSending: row.gulpease_at_sending === null ? null : Number(row.gulpease_at_sending),
    version: row.version,
  };
}

async function getLetter(trx: Db, caseId: string, letterId: string): Promise<CaseLetter> {
  const row = await selectLetters(trx, caseId).where('l.id', '=', letterId).executeTakeFirst();
  if (!row) throw letterNotFound();
  return toLetter(row);
}

export async function listLetters(db: Db, actor: Actor, caseId: string): Promise<CaseLetter[]> {
  return withCaseContent(db, actor, caseId, { action: 'read', recordType: LETTER_RECORD }, async (trx) =>
    (await selectLetters(trx, caseId).orderBy('l.created_at', 'desc').orderBy('l.id').execute()).map(toLetter),
  );
}

export async function readLetter(db: Db, actor: Actor, caseId: string, letterId: string): Promise<CaseLetter> {
  return withCaseContent(db, actor, caseId, { action: 'read', recordType: LETTER_RECORD }, (trx) => getLetter(trx, caseId, letterId));
}

/** A new draft from a template, its placeholders filled with the case's data: the writer edits it from there. */
export async function createLetter(db: Db, actor: Actor, caseId: string, templateId: string, now = clock.now()): Promise<CaseLetter> {
  const template = await getLetterTemplate(db, templateId);
  return withCaseContent(db, actor, caseId, { action: 'create', recordType: LETTER_RECORD }, async (trx, record) => {
    const { values, recipientId } = await caseLetterValues(trx, caseId, template.language, now);
    const { id } = await trx
      .insertInto('case_letter')
      .values({
        case_id: caseId,
        municipality_code: record.municipality_code,
        template_id: template.id,
        language: template.language,
        recipient_person_id: recipientId,
        subject: fillPlaceholders(template.subject, values).slice(0, 200),
        body: fillPlaceholders(template.body, values),
        created_by: actor.userId,
        updated_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await touchCaseActivity(trx, caseId);
    return getLetter(trx, caseId, id);
  });
}

/** Reads the draft under lock and checks it is still the version the writer started from. */
async function lockDraft(trx: Db, caseId: string, letterId: string, version: number): Promise<CaseLetter> {
  const locked = await trx.selectFrom('case_letter').select('id').where('id', '=', letterId).where('case_id', '=', caseId).forUpdate().executeTakeFirst();
  if (!locked) throw letterNotFound();
  const current = await getLetter(trx, caseId, letterId);
  if (current.status === 'sent') throw alreadySent();
  if (current.version !== version) throw new AppError('VERSION_CONFLICT', { data: { current } });
  return current;
}

export async function updateLetter(db: Db, actor: Actor, caseId: string, letterId: string, input: UpdateLetterBody): Promise<CaseLetter> {
  return withCaseContent(db, actor, caseId, { action: 'update', recordType: LETTER_RECORD }, async (trx) => {
    await lockDraft(trx, caseId, letterId, input.version);
    await trx
      .updateTable('case_letter')
      .set({ subject: input.subject, body: input.body, updated_by: actor.userId, updated_at: clock.now().toISOString(), version: input.version + 1 })
      .where('id', '=', letterId)
      .execute();
    await touchCaseActivity(trx, caseId);
    return getLetter(trx, caseId, letterId);
  });
}

/** Marks the letter sent: the date, who, and the readability of its text at that moment; no change after. */
export async function sendLetter(db: Db, actor: Actor, caseId: string, letterId: string, version: number): Promise<CaseLetter> {
  return withCaseContent(db, actor, caseId, { action: 'update', recordType: LETTER_RECORD }, async (trx) => {
    const current = await lockDraft(trx, caseId, letterId, version);
    const now = clock.now().toISOString();
    await trx
      .updateTable('case_letter')
      .set({
        status: 'sent',
        sent_at: now,
        sent_by: actor.userId,
        gulpease_at_sending: readability(current.body).index,
        updated_at: now,
        updated_by: actor.userId,
        version: version + 1,
      })
      .where('id', '=', letterId)
      .execute();
    await touchCaseActivity(trx, caseId);
    return getLetter(trx, caseId, letterId);
  });
}

/** The letter printed to a tagged A4 PDF (logged as a print of case content). Drafts say so on the page. */
export async function letterPdf(db: Db, actor: Actor, caseId: string, letterId: string, now = clock.now()): Promise<{ letter: CaseLetter; pdf: Buffer }> {
  const { letter, municipality, reference } = await withCaseContent(db, actor, caseId, { action: 'print', recordType: LETTER_RECORD }, async (trx) => {
    const found = await getLetter(trx, caseId, letterId);
    const { values } = await caseLetterValues(trx, caseId, found.language, now);
    return { letter: found, municipality: values['municipality.name'], reference: values['case.reference'] };
  });
  const it = letter.language === 'it';
  const date = letterDate(letter.sentAt ? new Date(letter.sentAt) : now, letter.language);
  const signer = letter.sentBy ?? letter.updatedBy;
  const metadata = [
    ...(letter.status === 'draft' ? [it ? 'BOZZA — non ancora inviata' : 'DRAFT — not sent yet'] : []),
    ...(letter.recipient ? [`${it ? 'Alla cortese attenzione di' : 'To'} ${letter.recipient.fullName}`] : []),
    `${it ? 'Riferimento' : 'Reference'}: ${reference}`,
  ];
  const pdf = await renderPdf(
    {
      title: letter.subject,
      language: letter.language,
      metadata,
      blocks: letterBlocks(letter.body),
      signatures: [{ label: it ? 'L’assistente sociale' : 'The social worker', name: signer.displayName }],
      footer: { municipality, date },
      author: signer.displayName,
      subject: letter.subject,
    },
    { creationDate: now },
  );
  return { letter, pdf };
}
