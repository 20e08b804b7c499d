import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, invalid } from '../../platform/http/errors.ts';
import { logCaseAccess, managesCase, touchCaseActivity, withCaseContent, type CaseTerritory } from '../cases/case-access.ts';
import { contributionQuery, toContribution } from './contribution-read.ts';
import { isStanding, STANDING_STATUSES } from './contributions.codes.ts';
import type { Contribution, ProposeContributionBody } from './contributions.schemas.ts';
import { formatCents } from '../../platform/money/euros.ts';
import { isValidIban, normaliseIban } from './money.ts';
import { cancelPayments } from './payment-placement.ts';
import '../households/households.tables.ts';

export const CONTRIBUTION_RECORD = 'case_contribution';

/** The months a contribution pays, as the years they fall in. */
function yearsOf(firstMonth: string, months: number): Map<number, number> {
  const byYear = new Map<number, number>();
  const [year, month] = [Number(firstMonth.slice(0, 4)), Number(firstMonth.slice(5, 7))];
  for (let i = 0; i < months; i++) {
    const y = year + Math.floor((month - 1 + i) / 12);
    byYear.set(y, (byYear.get(y) ?? 0) + 1);
  }
  return byYear;
}

interface Exceeded {
  ceiling: 'person' | 'household';
  year: number;
  ceilingCents: number;
  alreadyCents: number;
  totalCents: number;
}

/** Approved + proposed cents per calendar year of the persons (one person, or the members of a household). */
async function yearlyTotals(trx: Db, personIds: readonly string[], years: number[]): Promise<Map<number, number>> {
  const rows = await sql<{ year: number; cents: string }>`
    SELECT extract(year FROM m)::int AS year, sum(k.amount_cents)::bigint AS cents
    FROM contribution k
    CROSS JOIN LATERAL generate_series(k.first_month::timestamp, k.first_month::timestamp + (k.months - 1) * interval '1 month', interval '1 month') m
    WHERE k.person_id = ANY(${[...personIds]}::uuid[]) AND k.status = ANY(${STANDING_STATUSES}::text[]) AND extract(year FROM m)::int = ANY(${years}::int[])
    GROUP BY 1`.execute(trx);
  return new Map(rows.rows.map((row) => [row.year, Number(row.cents)]));
}

async function ceilingCheck(trx: Db, record: CaseTerritory, personId: string, householdId: string | null, body: ProposeContributionBody, months: number): Promise<Exceeded[]> {
  const ceiling = await trx.selectFrom('contribution_ceiling').selectAll().where('municipality_code', '=', record.municipality_code).executeTakeFirst();
  if (!ceiling) return [];
  const byYear = yearsOf(body.firstMonth, months);
  const years = [...byYear.keys()];
  const exceeded: Exceeded[] = [];
  const check = async (kind: 'person' | 'household', limit: string | number | null, persons: string[]) => {
    if (limit === null) return;
    const totals = await yearlyTotals(trx, persons, years);
    for (const [year, count] of byYear) {
      const already = totals.get(year) ?? 0;
      const total = already + body.amountCents * count;
      if (total > Number(limit)) exceeded.push({ ceiling: kind, year, ceilingCents: Number(limit), alreadyCents: already, totalCents: total });
    }
  };
  await check('person', ceiling.person_yearly_cents, [personId]);
  if (householdId) {
    const members = await trx.selectFrom('household_member').select('person_id').where('household_id', '=', householdId).where('valid_to', 'is', null).execute();
    await check('household', ceiling.household_yearly_cents, members.map((m) => m.person_id));
  }
  return exceeded;
}

function ceilingMessage(exceeded: Exceeded[]) {
  const it = exceeded
    .map((e) => `${e.ceiling === 'person' ? 'tetto annuo per persona' : 'tetto annuo per nucleo'} ${String(e.year)}: ${formatCents(e.ceilingCents)}, già approvati o proposti ${formatCents(e.alreadyCents)}, con questa proposta ${formatCents(e.totalCents)}`)
    .join('; ');
  const en = exceeded
    .map((e) => `${e.ceiling === 'person' ? 'yearly ceiling per person' : 'yearly ceiling per household'} ${String(e.year)}: ${formatCents(e.ceilingCents, 'en')}, already approved or proposed ${formatCents(e.alreadyCents, 'en')}, with this proposal ${formatCents(e.totalCents, 'en')}`)
    .join('; ');
  return {
    it: `Il contributo supera il tetto annuo (${it}). Solo il responsabile del servizio può autorizzarlo indicando il motivo.`,
    en: `The contribution exceeds the yearly ceiling (${en}). Only the service manager can authorise it, stating the reason.`,
  };
}

async function readOne(trx: Db, id: string): Promise<Contribution> {
  return toContribution(await contributionQuery(trx).where('k.id', '=', id).executeTakeFirstOrThrow());
}

/** Proposes a contribution in the case's latest plan version, checking beneficiary, pact items, IBAN and the yearly ceilings. */
export async function proposeContribution(db: Db, actor: Actor, caseId: string, body: ProposeContributionBody): Promise<Contribution> {
  return withCaseContent(db, actor, caseId, { action: 'create', recordType: CONTRIBUTION_RECORD, lock: true }, async (trx, record) => {
    const plan = await trx.selectFrom('care_plan').select(['id', 'status']).where('case_id', '=', caseId).orderBy('version_number', 'desc').executeTakeFirst();
    if (!plan || plan.status === 'closed') {
      throw new AppError('CONFLICT', {
        message: { it: 'Il caso non ha un progetto aperto: redigere prima il progetto personalizzato.', en: 'The case has no open plan: draft the personalised project first.' },
      });
    }
    const inCase = await trx.selectFrom('case_person').select('person_id').where('case_id', '=', caseId).where('person_id', '=', body.personId).executeTakeFirst();
    if (!inCase) throw invalid('personId', { it: 'Il beneficiario deve essere una persona del caso.', en: 'The beneficiary must be a person of the case.' });
    if (body.commitmentKeys.length > 0) {
      const found = await trx.selectFrom('care_plan_commitment').select('item_key').where('plan_id', '=', plan.id).where('item_key', 'in', body.commitmentKeys).execute();
      if (found.length !== new Set(body.commitmentKeys).size) {
        throw invalid('commitmentKeys', { it: 'Uno degli impegni indicati non è nel progetto.', en: 'One of the commitments named is not in the plan.' });
      }
    }
    let iban: string | null = null;
    if (body.paymentMethod === 'bank_transfer') {
      iban = normaliseIban(body.iban ?? '');
      if (!isValidIban(iban)) throw invalid('iban', { it: 'IBAN non valido: controllare le cifre (il codice di controllo non torna).', en: 'Invalid IBAN: check the digits (the checksum does not match).' });
    }
    const months = body.kind === 'one_off' ? 1 : body.months;
    const household = await trx.selectFrom('household_member').select('household_id').where('person_id', '=', body.personId).where('valid_to', 'is', null).executeTakeFirst();
    const householdId = household?.household_id ?? null;
    const exceeded = await ceilingCheck(trx, record, body.personId, householdId, body, months);
    if (exceeded.length > 0) {
      if (!body.overrideReason) throw new AppError('CONFLICT', { message: ceilingMessage(exceeded), data: { exceeded } });
      if (!managesCase(actor, record)) {
        throw new AppError('FORBIDDEN', {
          message: { it: 'Solo il responsabile del servizio può autorizzare un contributo oltre il tetto annuo.', en: 'Only the service manager can authorise a contribution over the yearly ceiling.' },
        });
      }
    }
    const created = await trx
      .insertInto('contribution')
      .values({
        case_id: caseId,
        municipality_code: record.municipality_code,
        plan_id: plan.id,
        person_id: body.personId,
        household_id: householdId,
        kind: body.kind,
        amount_cents: body.amountCents,
        first_month: `${body.firstMonth}-01`,
        months,
        reason: body.reason,
        commitment_keys: body.commitmentKeys,
        funding_line: body.fundingLine,
        payment_method: body.paymentMethod,
        iban,
        proposed_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (exceeded.length > 0 && body.overrideReason) {
      const reason = body.overrideReason;
      await trx
        .insertInto('contribution_override')
        .values(exceeded.map((e) => ({ contribution_id: created.id, ceiling: e.ceiling, year: e.year, ceiling_cents: e.ceilingCents, total_cents: e.totalCents, reason, overridden_by: actor.userId })))
        .execute();
      await logCaseAccess(trx, actor, [caseId], 'update', 'contribution_override');
    }
    await touchCaseActivity(trx, caseId);
    return readOne(trx, created.id);
  });
}

export async function listContributions(db: Db, actor: Actor, caseId: string): Promise<Contribution[]> {
  return withCaseContent(db, actor, caseId, { action: 'read', recordType: CONTRIBUTION_RECORD }, async (trx) =>
    (await contributionQuery(trx).where('k.case_id', '=', caseId).orderBy('k.proposed_at', 'desc').execute()).map(toContribution),
  );
}

/** Withdraws a proposal or revokes an approved contribution: its payments not yet made are taken back (corrections in the next list). */
export async function revokeContribution(db: Db, actor: Actor, caseId: string, id: string, body: { reason: string; version: number }): Promise<Contribution> {
  return withCaseContent(db, actor, caseId, { action: 'update', recordType: CONTRIBUTION_RECORD, lock: true }, async (trx) => {
    const row = await trx.selectFrom('contribution').select(['status', 'version']).where('id', '=', id).where('case_id', '=', caseId).forUpdate().executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND');
    if (row.version !== body.version) throw new AppError('VERSION_CONFLICT', { data: { current: await readOne(trx, id) } });
    if (!isStanding(row.status)) {
      throw new AppError('CONFLICT', { message: { it: 'Il contributo è già respinto o revocato.', en: 'The contribution is already rejected or revoked.' } });
    }
    await trx
      .updateTable('contribution')
      .set({ status: 'revoked', revoked_at: sql<string>`trama_now()`, revoked_by: actor.userId, revoke_reason: body.reason, version: sql<number>`version + 1` })
      .where('id', '=', id)
      .execute();
    await cancelPayments(trx, id, actor.userId, body.reason);
    await touchCaseActivity(trx, caseId);
    return readOne(trx, id);
  });
}
