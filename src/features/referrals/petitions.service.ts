import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import type { Db } from '../../platform/db/database.ts';
import { renderPdf, type PdfBlock } from '../../platform/documents/pdf.ts';
import { AppError, invalid, notFound } from '../../platform/http/errors.ts';
import { letterBlocks, letterDate } from '../case-settings/letter-templates.service.ts';
import { touchCaseActivity, withCaseContent } from '../cases/case-access.ts';
import { caseHeading } from '../cases/case-heading.ts';
import { householdToHear, identityOf, illegalTransition, notInFuture, required } from './case-facts.ts';
import { DEFAULT_COURT, PETITION_TRANSITIONS, type PetitionStatus } from './referrals.codes.ts';
import type { CreatePetitionBody, Petition, PetitionStatusBody, UpdatePetitionBody } from './referrals.schemas.ts';
import './referrals.tables.ts';
import '../users/users.tables.ts';
import { clock } from '../../platform/time/clock.ts';

export const PETITION_RECORD = 'case_petition';

const petitionNotFound = () => notFound({ it: 'Ricorso non trovato in questo caso.', en: 'Petition not found in this case.' });

async function readPetitions(trx: Db, caseId: string, petitionId?: string): Promise<Petition[]> {
  let query = trx
    .selectFrom('case_petition as p')
    .innerJoin('app_user as cu', 'cu.id', 'p.created_by')
    .selectAll('p')
    .select('cu.display_name as created_by_name')
    .where('p.case_id', '=', caseId)
    .orderBy('p.created_at', 'desc')
    .orderBy('p.id');
  if (petitionId) query = query.where('p.id', '=', petitionId);
  const rows = await query.execute();
  if (rows.length === 0) return [];
  const history = await trx
    .selectFrom('case_petition_status_change as s')
    .innerJoin('app_user as u', 'u.id', 's.changed_by')
    .select(['s.petition_id', 's.from_status', 's.to_status', 's.changed_on', 's.note', 's.changed_at', 's.changed_by', 'u.display_name'])
    .where('s.petition_id', 'in', rows.map((r) => r.id))
    .orderBy('s.changed_at')
    .execute();
  const identities = new Map<string, Awaited<ReturnType<typeof identityOf>>>();
  for (const r of rows) if (!identities.has(r.beneficiary_person_id)) identities.set(r.beneficiary_person_id, await identityOf(trx, r.beneficiary_person_id));
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    beneficiary: identities.get(r.beneficiary_person_id)!,
    courtName: r.court_name,
    reasons: r.reasons,
    administratorName: r.administrator_name,
    administratorRelation: r.administrator_relation,
    acts: r.acts,
    personsToHear: r.persons_to_hear,
    status: r.status,
    filedOn: r.filed_on,
    docketNumber: r.docket_number,
    hearingOn: r.hearing_on,
    decidedOn: r.decided_on,
    decisionOutcome: r.decision_outcome,
    appointedAdministrator: r.appointed_administrator,
    history: history
      .filter((h) => h.petition_id === r.id)
      .map((h) => ({ from: h.from_status, to: h.to_status, on: h.changed_on, note: h.note, by: { id: h.changed_by, displayName: h.display_name }, at: h.changed_at })),
    createdBy: { id: r.created_by, displayName: r.created_by_name },
    updatedAt: r.updated_at,
    version: r.version,
  }));
}

async function getPetition(trx: Db, caseId: string, petitionId: string): Promise<Petition> {
  const [found] = await readPetitions(trx, caseId, petitionId);
  if (!found) throw petitionNotFound();
  return found;
}

export function listPetitions(db: Db, actor: Actor, caseId: string): Promise<Petition[]> {
  return withCaseContent(db, actor, caseId, { action: 'read', recordType: PETITION_RECORD }, (trx) => readPetitions(trx, caseId));
}

export function readPetition(db: Db, actor: Actor, caseId: string, petitionId: string): Promise<Petition> {
  return withCaseContent(db, actor, caseId, { action: 'read', recordType: PETITION_RECORD }, (trx) => getPetition(trx, caseId, petitionId));
}

/** A new draft for the case's beneficiary, the household's other members pre-filled as persons to be heard. */
export function createPetition(db: Db, actor: Actor, caseId: string, body: CreatePetitionBody): Promise<Petition> {
  return withCaseContent(db, actor, caseId, { action: 'create', recordType: PETITION_RECORD }, async (trx, record) => {
    const beneficiaryId = (await caseHeading(trx, caseId)).beneficiary?.id;
    if (!beneficiaryId) throw invalid('caseId', { it: 'Il caso non ha persone: aggiungere prima il beneficiario.', en: 'The case has no persons: add the beneficiary first.' });
    const { id } = await trx
      .insertInto('case_petition')
      .values({
        case_id: caseId,
        municipality_code: record.municipality_code,
        beneficiary_person_id: beneficiaryId,
        court_name: body.courtName ?? DEFAULT_COURT,
        reasons: '',
        acts: '',
        persons_to_hear: JSON.stringify(await householdToHear(trx, beneficiaryId)),
        created_by: actor.userId,
        updated_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await touchCaseActivity(trx, caseId);
    return getPetition(trx, caseId, id);
  });
}

type Revision = (current: Petition) => Record<string, unknown>;

async function revisePetition(db: Db, actor: Actor, caseId: string, petitionId: string, version: number, revise: Revision, transition?: { to: PetitionStatus; on: string; note: string | null }): Promise<Petition> {
  const outcome = await withCaseContent(db, actor, caseId, { action: 'update', recordType: PETITION_RECORD }, async (trx) => {
    const locked = await trx.selectFrom('case_petition').select('id').where('id', '=', petitionId).where('case_id', '=', caseId).forUpdate().executeTakeFirst();
    if (!locked) throw petitionNotFound();
    const current = await getPetition(trx, caseId, petitionId);
    if (current.version !== version) return { conflict: current };
    const values = revise(current);
    if (transition) {
      await trx
        .insertInto('case_petition_status_change')
        .values({ petition_id: petitionId, from_status: current.status, to_status: transition.to, changed_on: transition.on, note: transition.note, changed_by: actor.userId })
        .execute();
    }
    await trx
      .updateTable('case_petition')
      .set({ ...values, version: version + 1, updated_at: sql<string>`trama_now()`, updated_by: actor.userId })
      .where('id', '=', petitionId)
      .execute();
    await touchCaseActivity(trx, caseId);
    return { saved: await getPetition(trx, caseId, petitionId) };
  });
  if ('conflict' in outcome) throw new AppError('VERSION_CONFLICT', { data: { current: outcome.conflict } });
  return outcome.saved;
}

export function updatePetition(db: Db, actor: Actor, caseId: string, petitionId: string, body: UpdatePetitionBody): Promise<Petition> {
  return revisePetition(db, actor, caseId, petitionId, body.version, (current) => {
    if (current.status !== 'draft') {
      throw new AppError('CONFLICT', { message: { it: 'Il ricorso è già depositato: si può solo cambiarne lo stato.', en: 'The petition has been filed: only its status can change.' } });
    }
    return {
      court_name: body.courtName,
      reasons: body.reasons,
      administrator_name: body.administratorName,
      administrator_relation: body.administratorRelation,
      acts: body.acts,
      persons_to_hear: JSON.stringify(body.personsToHear),
    };
  });
}

const PETITION_KIND = { it: 'Ricorso', en: 'Petition' };

/** A dated transition along PETITION_TRANSITIONS: filing needs the docket number and a complete text, a hearing its date, a decision its outcome. */
export function changePetitionStatus(db: Db, actor: Actor, caseId: string, petitionId: string, body: PetitionStatusBody): Promise<Petition> {
  notInFuture('on', body.on);
  return revisePetition(
    db, actor, caseId, petitionId, body.version,
    (current) => {
      const allowed = PETITION_TRANSITIONS[current.status];
      if (!allowed.includes(body.to)) throw illegalTransition(PETITION_KIND, current.status, body.to, allowed);
      if (current.filedOn && body.on < current.filedOn) throw invalid('on', { it: 'La data è precedente al deposito.', en: 'The date is before the filing.' });
      const to: PetitionStatus = body.to;
      switch (to) {
        case 'filed':
          required('reasons', current.reasons, { it: 'Scrivere la relazione prima del deposito.', en: 'Write the report before filing.' });
          required('acts', current.acts, { it: 'Indicare gli atti per cui serve l’amministratore prima del deposito.', en: 'List the acts needing the administrator before filing.' });
          return { status: to, filed_on: body.on, docket_number: required('docketNumber', body.docketNumber, { it: 'Indicare il numero di ruolo.', en: 'Give the docket number.' }) };
        case 'hearing_scheduled':
          if (!body.hearingOn) throw invalid('hearingOn', { it: 'Indicare la data dell’udienza.', en: 'Give the hearing date.' });
          if (current.filedOn && body.hearingOn < current.filedOn) throw invalid('hearingOn', { it: 'L’udienza non può precedere il deposito.', en: 'The hearing cannot come before the filing.' });
          return { status: to, hearing_on: body.hearingOn };
        case 'decided':
          if (!body.decisionOutcome) throw invalid('decisionOutcome', { it: 'Indicare l’esito del decreto.', en: 'Give the outcome of the decree.' });
          return {
            status: to,
            decided_on: body.on,
            decision_outcome: body.decisionOutcome,
            appointed_administrator:
              body.decisionOutcome === 'appointed' ? required('appointedAdministrator', body.appointedAdministrator, { it: 'Indicare l’amministratore nominato.', en: 'Name the appointed administrator.' }) : null,
          };
        case 'draft':
        case 'withdrawn':
          return { status: to };
      }
    },
    { to: body.to, on: body.on, note: body.note },
  );
}

const dateIt = (iso: string) => letterDate(new Date(`${iso}T12:00:00Z`), 'it');

/** The petition in Italian, as the court receives it; logged as a print. */
export async function petitionPdf(db: Db, actor: Actor, caseId: string, petitionId: string, now = clock.now()): Promise<{ petition: Petition; pdf: Buffer }> {
  const { petition, heading } = await withCaseContent(db, actor, caseId, { action: 'print', recordType: PETITION_RECORD }, async (trx) => ({
    petition: await getPetition(trx, caseId, petitionId),
    heading: await caseHeading(trx, caseId),
  }));
  const b = petition.beneficiary;
  const municipality = `Comune di ${heading.municipalityName}`;
  const born = [b.birthPlace ? `a ${b.birthPlace}` : '', b.birthDate ? `il ${dateIt(b.birthDate)}` : ''].filter(Boolean).join(' ');
  const blocks: PdfBlock[] = [
    { kind: 'paragraph', text: `${municipality}, servizio sociale territoriale, chiede la nomina di un amministratore di sostegno (artt. 404 e seguenti del codice civile) per la persona indicata di seguito.` },
    { kind: 'heading', text: 'Beneficiario' },
    {
      kind: 'table',
      columns: ['Dato', 'Valore'],
      rows: [['Cognome e nome', b.fullName], ['Nato/a', born || '—'], ['Codice fiscale', b.fiscalCode ?? '—'], ['Residenza', b.residence ?? '—']],
    },
    { kind: 'heading', text: 'Motivi della richiesta' },
    ...(petition.reasons ? letterBlocks(petition.reasons) : [{ kind: 'paragraph' as const, text: '—' }]),
    { kind: 'heading', text: 'Amministratore proposto' },
    { kind: 'paragraph', text: petition.administratorName ? `${petition.administratorName}${petition.administratorRelation ? ` (${petition.administratorRelation})` : ''}` : 'Da nominare a cura del giudice tutelare.' },
    { kind: 'heading', text: 'Atti per cui si chiede assistenza o rappresentanza' },
    ...(petition.acts ? letterBlocks(petition.acts) : [{ kind: 'paragraph' as const, text: '—' }]),
    { kind: 'heading', text: 'Persone da sentire (art. 407 c.c.)' },
    petition.personsToHear.length > 0
      ? { kind: 'table', columns: ['Nome', 'Relazione'], rows: petition.personsToHear.map((p) => [p.name, p.relation]) }
      : { kind: 'paragraph', text: 'Nessun familiare noto al servizio.' },
  ];
  const title = 'Ricorso per la nomina di un amministratore di sostegno';
  const pdf = await renderPdf(
    {
      title,
      language: 'it',
      metadata: [
        ...(petition.status === 'draft' ? ['BOZZA — non ancora depositato'] : []),
        `Al ${petition.courtName} — Giudice tutelare`,
        `Riferimento: ${heading.reference}`,
        ...(petition.docketNumber ? [`Numero di ruolo: ${petition.docketNumber}`] : []),
      ],
      blocks,
      signatures: [{ label: 'L’assistente sociale', name: heading.ownerName }],
      footer: { municipality, date: letterDate(now, 'it') },
      subject: title,
    },
    { creationDate: now },
  );
  return { petition, pdf };
}
