import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import type { Db } from '../../platform/db/database.ts';
import { letterBlocks, letterDate } from '../case-settings/letter-templates.service.ts';
import { renderPdf, type PdfBlock } from '../../platform/documents/pdf.ts';
import { AppError, invalid, notFound } from '../../platform/http/errors.ts';
import { touchCaseActivity, withCaseContent } from '../cases/case-access.ts';
import { caseHeading } from '../cases/case-heading.ts';
import { identityOf, illegalTransition, notInFuture, required } from './case-facts.ts';
import { REFERRAL_TRANSITIONS, type ReferralService, type ReferralStatus } from './referrals.codes.ts';
import type { CreateReferralBody, Referral, ReferralStatusBody, UpdateReferralBody } from './referrals.schemas.ts';
import './referrals.tables.ts';
import '../case-documents/case-documents.tables.ts';
import '../users/users.tables.ts';
import { clock } from '../../platform/time/clock.ts';

export const REFERRAL_RECORD = 'case_referral';

const referralNotFound = () => notFound({ it: 'Invio non trovato in questo caso.', en: 'Referral not found in this case.' });

export const SERVICE_NAMES_IT: Record<ReferralService, string> = {
  minors_protection: 'Servizio tutela minori',
  disability_uvm: 'Unità di valutazione multidimensionale disabili (UVM)',
  elderly_uvg: 'Unità di valutazione geriatrica (UVG)',
  ausl_csm: 'Ausl — Centro di salute mentale (CSM)',
  ausl_serdp: 'Ausl — Servizio dipendenze patologiche (SerDP)',
  ausl_consultorio: 'Ausl — Consultorio familiare',
  employment_centre: 'Centro per l’impiego',
  other: 'Altro servizio',
};

async function readReferrals(trx: Db, caseId: string, referralId?: string): Promise<Referral[]> {
  let query = trx
    .selectFrom('case_referral as r')
    .innerJoin('app_user as cu', 'cu.id', 'r.created_by')
    .leftJoin('app_user as su', 'su.id', 'r.sent_by')
    .selectAll('r')
    .select(['cu.display_name as created_by_name', 'su.display_name as sent_by_name'])
    .where('r.case_id', '=', caseId)
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id');
  if (referralId) query = query.where('r.id', '=', referralId);
  const rows = await query.execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [documents, history] = await Promise.all([
    trx
      .selectFrom('case_referral_document as rd')
      .innerJoin('case_document as d', 'd.id', 'rd.document_id')
      .select(['rd.referral_id', 'd.id', 'd.title', 'd.withdrawn_at'])
      .where('rd.referral_id', 'in', ids)
      .orderBy('d.title')
      .execute(),
    trx
      .selectFrom('case_referral_status_change as s')
      .innerJoin('app_user as u', 'u.id', 's.changed_by')
      .select(['s.referral_id', 's.from_status', 's.to_status', 's.changed_on', 's.note', 's.changed_at', 's.changed_by', 'u.display_name'])
      .where('s.referral_id', 'in', ids)
      .orderBy('s.changed_at')
      .execute(),
  ]);
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    service: r.service,
    serviceName: r.service_name,
    contactName: r.contact_name,
    reason: r.reason,
    question: r.question,
    urgency: r.urgency,
    status: r.status,
    documents: documents.filter((d) => d.referral_id === r.id).map((d) => ({ id: d.id, title: d.title, withdrawn: d.withdrawn_at !== null })),
    sentOn: r.sent_on,
    sentBy: r.sent_by ? { id: r.sent_by, displayName: r.sent_by_name ?? '' } : null,
    answer: r.answer_on ? { on: r.answer_on, text: r.answer_text, outcome: r.answer_outcome } : null,
    history: history
      .filter((h) => h.referral_id === r.id)
      .map((h) => ({ from: h.from_status, to: h.to_status, on: h.changed_on, note: h.note, by: { id: h.changed_by, displayName: h.display_name }, at: h.changed_at })),
    createdBy: { id: r.created_by, displayName: r.created_by_name },
    updatedAt: r.updated_at,
    version: r.version,
  }));
}

async function getReferral(trx: Db, caseId: string, referralId: string): Promise<Referral> {
  const [found] = await readReferrals(trx, caseId, referralId);
  if (!found) throw referralNotFound();
  return found;
}

export function listReferrals(db: Db, actor: Actor, caseId: string): Promise<Referral[]> {
  return withCaseContent(db, actor, caseId, { action: 'read', recordType: REFERRAL_RECORD }, (trx) => readReferrals(trx, caseId));
}

export function readReferral(db: Db, actor: Actor, caseId: string, referralId: string): Promise<Referral> {
  return withCaseContent(db, actor, caseId, { action: 'read', recordType: REFERRAL_RECORD }, (trx) => getReferral(trx, caseId, referralId));
}

/** Only documents of this same case that are not withdrawn may travel with a referral. */
async function checkDocuments(trx: Db, caseId: string, ids: readonly string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const found = await trx.selectFrom('case_document').select('id').where('case_id', '=', caseId).where('withdrawn_at', 'is', null).where('id', 'in', unique).execute();
  if (found.length !== unique.length) {
    throw invalid('documentIds', {
      it: 'Si possono allegare solo documenti di questo caso non ritirati.',
      en: 'Only documents of this case that have not been withdrawn can be attached.',
    });
  }
  return unique;
}

function checkService(body: CreateReferralBody): void {
  if (body.service === 'other' && !body.serviceName) throw invalid('serviceName', { it: 'Indicare il nome del servizio.', en: 'Give the name of the service.' });
}

export function createReferral(db: Db, actor: Actor, caseId: string, body: CreateReferralBody): Promise<Referral> {
  checkService(body);
  return withCaseContent(db, actor, caseId, { action: 'create', recordType: REFERRAL_RECORD }, async (trx, record) => {
    const documentIds = await checkDocuments(trx, caseId, body.documentIds);
    const { id } = await trx
      .insertInto('case_referral')
      .values({
        case_id: caseId,
        municipality_code: record.municipality_code,
        service: body.service,
        service_name: body.service === 'other' ? body.serviceName : null,
        contact_name: body.contactName,
        reason: body.reason,
        question: body.question,
        urgency: body.urgency,
        created_by: actor.userId,
        updated_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (documentIds.length > 0) await trx.insertInto('case_referral_document').values(documentIds.map((document_id) => ({ referral_id: id, document_id }))).execute();
    await touchCaseActivity(trx, caseId);
    return getReferral(trx, caseId, id);
  });
}

type Revision = (trx: Db, current: Referral) => Promise<Record<string, unknown>>;

/** Every change: lock, version check (412 with the current referral), the change, version + 1, case activity. */
async function reviseReferral(db: Db, actor: Actor, caseId: string, referralId: string, version: number, revise: Revision): Promise<Referral> {
  const outcome = await withCaseContent(db, actor, caseId, { action: 'update', recordType: REFERRAL_RECORD }, async (trx) => {
    const locked = await trx.selectFrom('case_referral').select('id').where('id', '=', referralId).where('case_id', '=', caseId).forUpdate().executeTakeFirst();
    if (!locked) throw referralNotFound();
    const current = await getReferral(trx, caseId, referralId);
    if (current.version !== version) return { conflict: current };
    const values = await revise(trx, current);
    await trx
      .updateTable('case_referral')
      .set({ ...values, version: version + 1, updated_at: sql<string>`trama_now()`, updated_by: actor.userId })
      .where('id', '=', referralId)
      .execute();
    await touchCaseActivity(trx, caseId);
    return { saved: await getReferral(trx, caseId, referralId) };
  });
  if ('conflict' in outcome) throw new AppError('VERSION_CONFLICT', { data: { current: outcome.conflict } });
  return outcome.saved;
}

export function updateReferral(db: Db, actor: Actor, caseId: string, referralId: string, body: UpdateReferralBody): Promise<Referral> {
  checkService(body);
  return reviseReferral(db, actor, caseId, referralId, body.version, async (trx, current) => {
    if (current.status !== 'draft') {
      throw new AppError('CONFLICT', { message: { it: 'L’invio è già partito: si può solo cambiarne lo stato.', en: 'The referral has been sent: only its status can change.' } });
    }
    const documentIds = await checkDocuments(trx, caseId, body.documentIds);
    await trx.deleteFrom('case_referral_document').where('referral_id', '=', referralId).execute();
    if (documentIds.length > 0) await trx.insertInto('case_referral_document').values(documentIds.map((document_id) => ({ referral_id: referralId, document_id }))).execute();
    return {
      service: body.service,
      service_name: body.service === 'other' ? body.serviceName : null,
      contact_name: body.contactName,
      reason: body.reason,
      question: body.question,
      urgency: body.urgency,
    };
  });
}

const REFERRAL_KIND = { it: 'Invio', en: 'Referral' };

/** A dated transition along REFERRAL_TRANSITIONS; the answer (text and outcome) comes with "answered", the reason with "refused". */
export function changeReferralStatus(db: Db, actor: Actor, caseId: string, referralId: string, body: ReferralStatusBody): Promise<Referral> {
  notInFuture('on', body.on);
  return reviseReferral(db, actor, caseId, referralId, body.version, async (trx, current) => {
    const allowed = REFERRAL_TRANSITIONS[current.status];
    if (!allowed.includes(body.to)) throw illegalTransition(REFERRAL_KIND, current.status, body.to, allowed);
    if (current.sentOn && body.on < current.sentOn) throw invalid('on', { it: 'La data è precedente all’invio.', en: 'The date is before the referral was sent.' });
    await trx
      .insertInto('case_referral_status_change')
      .values({ referral_id: referralId, from_status: current.status, to_status: body.to, changed_on: body.on, note: body.note, changed_by: actor.userId })
      .execute();
    const to: ReferralStatus = body.to;
    switch (to) {
      case 'sent':
        return { status: to, sent_on: body.on, sent_by: actor.userId };
      case 'answered':
        if (!body.answerOutcome) throw invalid('answerOutcome', { it: 'Indicare l’esito della risposta.', en: 'Give the outcome of the answer.' });
        return { status: to, answer_on: body.on, answer_text: required('answerText', body.answerText, { it: 'Riportare la risposta del servizio.', en: 'Record the service’s answer.' }), answer_outcome: body.answerOutcome };
      case 'refused':
        return { status: to, answer_on: body.on, answer_text: required('answerText', body.answerText, { it: 'Indicare il motivo del rifiuto.', en: 'Give the reason for the refusal.' }), answer_outcome: null };
      case 'draft':
      case 'acknowledged':
      case 'withdrawn':
        return { status: to };
    }
  });
}

const URGENCY_IT = { ordinary: 'ordinaria', urgent: 'URGENTE' } as const;
const dateIt = (iso: string) => letterDate(new Date(`${iso}T12:00:00Z`), 'it');

/** The referral letter, in Italian, with the person, the reason, the question and the titles of the documents attached; logged as a print. */
export async function referralPdf(db: Db, actor: Actor, caseId: string, referralId: string, now = clock.now()): Promise<{ referral: Referral; pdf: Buffer }> {
  const { referral, person, heading } = await withCaseContent(db, actor, caseId, { action: 'print', recordType: REFERRAL_RECORD }, async (trx) => {
    const found = await getReferral(trx, caseId, referralId);
    const heading = await caseHeading(trx, caseId);
    return { referral: found, person: heading.beneficiary ? await identityOf(trx, heading.beneficiary.id) : null, heading };
  });
  const service = referral.service === 'other' ? (referral.serviceName ?? '') : SERVICE_NAMES_IT[referral.service];
  const blocks: PdfBlock[] = [];
  if (person) {
    blocks.push({ kind: 'heading', text: 'Persona' }, {
      kind: 'table',
      columns: ['Dato', 'Valore'],
      rows: [
        ['Cognome e nome', person.fullName],
        ['Nascita', [person.birthDate ? dateIt(person.birthDate) : '', person.birthPlace ?? ''].filter(Boolean).join(', ') || '—'],
        ['Codice fiscale', person.fiscalCode ?? '—'],
        ['Residenza', person.residence ?? '—'],
      ],
    });
  }
  blocks.push({ kind: 'heading', text: 'Motivo dell’invio' }, ...letterBlocks(referral.reason), { kind: 'heading', text: 'Quesito' }, ...letterBlocks(referral.question));
  blocks.push({ kind: 'heading', text: 'Documenti allegati' });
  blocks.push(
    referral.documents.length > 0
      ? { kind: 'table', columns: ['N.', 'Documento'], rows: referral.documents.map((d, i) => [String(i + 1), d.title]) }
      : { kind: 'paragraph', text: 'Nessun documento allegato.' },
  );
  const title = `Invio a: ${service}`;
  const pdf = await renderPdf(
    {
      title,
      language: 'it',
      metadata: [
        ...(referral.status === 'draft' ? ['BOZZA — non ancora inviato'] : []),
        ...(referral.contactName ? [`Alla cortese attenzione di: ${referral.contactName}`] : []),
        `Riferimento: ${heading.reference}`,
        `Urgenza: ${URGENCY_IT[referral.urgency]}`,
        ...(referral.sentOn ? [`Inviato il ${dateIt(referral.sentOn)}`] : []),
      ],
      blocks,
      signatures: [{ label: 'L’assistente sociale', name: referral.sentBy?.displayName ?? heading.ownerName }],
      footer: { municipality: `Comune di ${heading.municipalityName}`, date: letterDate(now, 'it') },
      subject: title,
    },
    { creationDate: now },
  );
  return { referral, pdf };
}
