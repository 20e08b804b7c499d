import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import { inScope, scopeFor } from '../../platform/access/scope.ts';
import { writeAccessLog } from '../../platform/audit/access-log.ts';
import type { AccessAction } from '../../platform/audit/access-log.schemas.ts';
import type { Db } from '../../platform/db/database.ts';
import { renderPdf } from '../../platform/documents/pdf.ts';
import { csvField } from '../../platform/documents/spreadsheet-cell.ts';
import { AppError, invalid, notFound } from '../../platform/http/errors.ts';
import { FUNDING_LINE_NAMES, FUNDING_LINES, PAYMENT_LIST_TRANSITIONS, type PaymentListStatus } from './contributions.codes.ts';
import type { PaymentLine, PaymentListDetail, PaymentListSummary } from './contributions.schemas.ts';
import { formatCents } from '../../platform/money/euros.ts';
import { decimalCents } from './money.ts';
import { monthAfter, nextOpenList } from './payment-placement.ts';
import { PAYMENT_MANAGE } from './permissions.ts';
import '../territories/territories.tables.ts';
import { clock } from '../../platform/time/clock.ts';

export const PAYMENT_LIST_RECORD = 'payment_list';
const month = (day: string) => day.slice(0, 7);
const listNotFound = () => notFound({ it: 'Lista di pagamento non trovata nei territori di competenza.', en: 'Payment list not found in your territories.' });

function summaries(trx: Db, actor: Actor) {
  return trx
    .selectFrom('payment_list as pl')
    .innerJoin('municipality as m', 'm.istat_code', 'pl.municipality_code')
    .select([
      'pl.id',
      'pl.municipality_code',
      'm.name as municipality_name',
      sql<string>`to_char(pl.month, 'YYYY-MM-DD')`.as('month'),
      'pl.status',
      'pl.version',
      sql<number>`(SELECT count(*)::int FROM payment_line l WHERE l.list_id = pl.id)`.as('lines'),
      sql<string>`(SELECT coalesce(sum(l.amount_cents), 0)::bigint FROM payment_line l WHERE l.list_id = pl.id)`.as('total'),
    ])
    .where(inScope(scopeFor(actor, PAYMENT_MANAGE), 'pl.municipality_code'));
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaries>['executeTakeFirstOrThrow']>>;
const toSummary = (r: SummaryRow): PaymentListSummary => ({
  id: r.id,
  municipalityCode: r.municipality_code,
  municipalityName: r.municipality_name,
  month: month(r.month),
  status: r.status,
  lines: r.lines,
  totalCents: Number(r.total),
  version: r.version,
});

/** The lists of the clerk's municipalities (counts and totals only: no personal data, nothing to log). */
export async function listPaymentLists(db: Db, actor: Actor, query: { municipalityCode?: string | undefined; month?: string | undefined }): Promise<PaymentListSummary[]> {
  let q = summaries(db, actor);
  if (query.municipalityCode) q = q.where('pl.municipality_code', '=', query.municipalityCode);
  if (query.month) q = q.where('pl.month', '=', `${query.month}-01`);
  return (await q.orderBy('pl.month', 'desc').orderBy('m.name').limit(500).execute()).map(toSummary);
}

/** Opens (or returns) the list of a municipality for a month. */
export async function openPaymentList(db: Db, actor: Actor, body: { municipalityCode: string; month: string }): Promise<PaymentListSummary> {
  if (!scopeFor(actor, PAYMENT_MANAGE).municipalityCodes.includes(body.municipalityCode)) throw invalid('municipalityCode', { it: 'Comune non di competenza.', en: 'Municipality outside your territories.' });
  return db.transaction().execute(async (trx) => {
    await trx.insertInto('payment_list').values({ municipality_code: body.municipalityCode, month: `${body.month}-01` }).onConflict((oc) => oc.columns(['municipality_code', 'month']).doNothing()).execute();
    return toSummary(await summaries(trx, actor).where('pl.municipality_code', '=', body.municipalityCode).where('pl.month', '=', `${body.month}-01`).executeTakeFirstOrThrow());
  });
}

async function lines(trx: Db, listId: string): Promise<PaymentLine[]> {
  const rows = await trx
    .selectFrom('payment_line as l')
    .innerJoin('person as p', 'p.id', 'l.person_id')
    .innerJoin('contribution as k', 'k.id', 'l.contribution_id')
    .select([
      'l.id',
      'l.contribution_id',
      'l.person_id',
      sql<string>`p.family_name || ' ' || p.given_name`.as('person_name'),
      'p.fiscal_code',
      sql<string>`to_char(l.due_month, 'YYYY-MM-DD')`.as('due_month'),
      'l.amount_cents',
      'l.funding_line',
      'k.payment_method',
      'k.iban',
      'l.kind',
      'l.corrects_line_id',
      'l.note',
    ])
    .where('l.list_id', '=', listId)
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .orderBy('l.due_month')
    .orderBy('l.created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    contributionId: r.contribution_id,
    personId: r.person_id,
    personName: r.person_name,
    fiscalCode: r.fiscal_code,
    dueMonth: month(r.due_month),
    amountCents: r.amount_cents,
    fundingLine: r.funding_line,
    paymentMethod: r.payment_method,
    iban: r.iban,
    kind: r.kind,
    correctsLineId: r.corrects_line_id,
    note: r.note,
  }));
}

/** Totals per funding line, summed by the database in integer cents. */
async function totals(trx: Db, listId: string) {
  const rows = await trx
    .selectFrom('payment_line')
    .select(['funding_line', sql<string>`sum(amount_cents)::bigint`.as('cents'), sql<number>`count(*)::int`.as('lines')])
    .where('list_id', '=', listId)
    .groupBy('funding_line')
    .execute();
  return FUNDING_LINES.flatMap((line) => rows.filter((r) => r.funding_line === line).map((r) => ({ fundingLine: line, cents: Number(r.cents), lines: r.lines })));
}

/** One list with its rows and totals; logs one access-log row per person listed (action read or export). */
async function readList(trx: Db, actor: Actor, listId: string, action: AccessAction): Promise<PaymentListDetail> {
  const summary = await summaries(trx, actor).where('pl.id', '=', listId).executeTakeFirst();
  if (!summary) throw listNotFound();
  const extra = await trx
    .selectFrom('payment_list as pl')
    .leftJoin('app_user as cu', 'cu.id', 'pl.checked_by')
    .leftJoin('app_user as xu', 'xu.id', 'pl.closed_by')
    .select(['pl.checked_by', 'cu.display_name as checked_name', 'pl.checked_at', 'pl.closed_by', 'xu.display_name as closed_name', 'pl.closed_at'])
    .where('pl.id', '=', listId)
    .executeTakeFirstOrThrow();
  const rows = await lines(trx, listId);
  const persons = [...new Set(rows.map((r) => r.personId))];
  await writeAccessLog(
    trx,
    actor,
    scopeFor(actor, PAYMENT_MANAGE),
    action,
    persons.map((personId) => ({ personId, municipalityCode: summary.municipality_code, recordType: PAYMENT_LIST_RECORD, recordId: listId })),
  );
  const at = (value: string | null) => (value === null ? null : new Date(value).toISOString());
  return {
    ...toSummary(summary),
    rows,
    totals: await totals(trx, listId),
    checkedBy: extra.checked_by ? { id: extra.checked_by, displayName: extra.checked_name ?? '' } : null,
    checkedAt: at(extra.checked_at),
    closedBy: extra.closed_by ? { id: extra.closed_by, displayName: extra.closed_name ?? '' } : null,
    closedAt: at(extra.closed_at),
    allowedTransitions: [...PAYMENT_LIST_TRANSITIONS[summary.status]],
  };
}

export async function getPaymentList(db: Db, actor: Actor, listId: string): Promise<PaymentListDetail> {
  return db.transaction().execute((trx) => readList(trx, actor, listId, 'read'));
}

const closedList = () =>
  new AppError('CONFLICT', {
    message: { it: 'La lista è chiusa e non può più cambiare: le rettifiche vanno nella lista aperta successiva.', en: 'The list is closed and cannot change: corrections go into the next open list.' },
  });

/** open → checked → closed (checked → open to fix something); a stale version gets 412, a closed list 409. */
export async function transitionPaymentList(db: Db, actor: Actor, listId: string, body: { to: PaymentListStatus; version: number }): Promise<PaymentListDetail> {
  return db.transaction().execute(async (trx) => {
    const list = await summaries(trx, actor).where('pl.id', '=', listId).executeTakeFirst();
    if (!list) throw listNotFound();
    await trx.selectFrom('payment_list').select('id').where('id', '=', listId).forUpdate().execute();
    const current = await trx.selectFrom('payment_list').select(['status', 'version']).where('id', '=', listId).executeTakeFirstOrThrow();
    if (current.status === 'closed') throw closedList();
    if (current.version !== body.version) throw new AppError('VERSION_CONFLICT', { data: { current: await readList(trx, actor, listId, 'read') } });
    if (!PAYMENT_LIST_TRANSITIONS[current.status].includes(body.to)) {
      throw new AppError('CONFLICT', {
        message: { it: `Passaggio di stato non ammesso: da «${current.status}» a «${body.to}».`, en: `Status change not allowed: from "${current.status}" to "${body.to}".` },
        data: { allowed: PAYMENT_LIST_TRANSITIONS[current.status] },
      });
    }
    const now = sql<string>`trama_now()`;
    const stamp =
      body.to === 'checked' ? { checked_at: now, checked_by: actor.userId } : body.to === 'closed' ? { closed_at: now, closed_by: actor.userId } : { checked_at: null, checked_by: null };
    await trx.updateTable('payment_list').set({ status: body.to, ...stamp, version: sql<number>`version + 1` }).where('id', '=', listId).execute();
    return readList(trx, actor, listId, 'update');
  });
}

/** A wrong amount in a closed list: the difference goes as a correcting line into the next open list of the municipality. */
export async function correctLine(db: Db, actor: Actor, listId: string, lineId: string, body: { correctAmountCents: number; note: string }) {
  return db.transaction().execute(async (trx) => {
    const list = await summaries(trx, actor).where('pl.id', '=', listId).executeTakeFirst();
    if (!list) throw listNotFound();
    if (list.status !== 'closed') {
      throw new AppError('CONFLICT', {
        message: { it: 'Si rettificano solo le righe di una lista chiusa: in una lista aperta correggere il contributo nel caso.', en: 'Only lines of a closed list are corrected: in an open list fix the contribution in the case.' },
      });
    }
    const line = await trx.selectFrom('payment_line').selectAll().where('id', '=', lineId).where('list_id', '=', listId).executeTakeFirst();
    if (!line) throw notFound();
    const already = await trx.selectFrom('payment_line').select(sql<string>`coalesce(sum(amount_cents), 0)::bigint`.as('s')).where('corrects_line_id', '=', lineId).executeTakeFirstOrThrow();
    const difference = body.correctAmountCents - (line.amount_cents + Number(already.s));
    if (difference === 0) throw invalid('correctAmountCents', { it: 'L’importo indicato è già quello pagato.', en: 'The amount given is already the one paid.' });
    const target = await nextOpenList(trx, list.municipality_code, monthAfter(list.month));
    await trx
      .insertInto('payment_line')
      .values({
        list_id: target.id,
        contribution_id: line.contribution_id,
        person_id: line.person_id,
        due_month: line.due_month,
        amount_cents: difference,
        funding_line: line.funding_line,
        kind: 'correction',
        corrects_line_id: lineId,
        note: body.note,
        created_by: actor.userId,
      })
      .execute();
    await writeAccessLog(trx, actor, scopeFor(actor, PAYMENT_MANAGE), 'update', [{ personId: line.person_id, municipalityCode: list.municipality_code, recordType: PAYMENT_LIST_RECORD, recordId: target.id }]);
    return { listId: target.id, month: month(target.month), amountCents: difference };
  });
}

type Lang = 'it' | 'en';
const TEXT = {
  title: { it: 'Lista di pagamento contributi', en: 'Contribution payment list' },
  name: { it: 'Cognome e nome', en: 'Name' },
  fiscalCode: { it: 'Codice fiscale', en: 'Fiscal code' },
  month: { it: 'Mese di competenza', en: 'Month due' },
  funding: { it: 'Fondo', en: 'Funding line' },
  method: { it: 'Modalità', en: 'Method' },
  iban: { it: 'IBAN', en: 'IBAN' },
  amount: { it: 'Importo (€)', en: 'Amount (€)' },
  kind: { it: 'Tipo', en: 'Kind' },
  note: { it: 'Nota', en: 'Note' },
  total: { it: 'Totale', en: 'Total' },
  totals: { it: 'Totali per fondo', en: 'Totals per funding line' },
  status: { it: 'Stato', en: 'Status' },
  bank_transfer: { it: 'Bonifico', en: 'Bank transfer' },
  cash: { it: 'Contanti', en: 'Cash' },
  payment: { it: 'Pagamento', en: 'Payment' },
  correction: { it: 'Rettifica', en: 'Correction' },
  open: { it: 'aperta', en: 'open' },
  checked: { it: 'verificata', en: 'checked' },
  closed: { it: 'chiusa', en: 'closed' },
} as const;

const grandTotal = (detail: PaymentListDetail) => detail.totals.reduce((sum, t) => sum + t.cents, 0);

/** The list as CSV: `;`-separated with a BOM, every cell spreadsheet-safe, amounts with the Italian decimal comma, totals per funding line at the end. */
export async function paymentListCsv(db: Db, actor: Actor, listId: string, lang: Lang = 'it'): Promise<{ csv: string; name: string }> {
  const detail = await db.transaction().execute((trx) => readList(trx, actor, listId, 'export'));
  const t = (key: keyof typeof TEXT) => TEXT[key][lang];
  const header = [t('name'), t('fiscalCode'), t('month'), t('funding'), t('method'), t('iban'), t('amount'), t('kind'), t('note')];
  const rows = detail.rows.map((r) => [r.personName, r.fiscalCode ?? '', r.dueMonth, FUNDING_LINE_NAMES[r.fundingLine][lang], t(r.paymentMethod), r.iban ?? '', decimalCents(r.amountCents), t(r.kind), r.note]);
  const totalRows = detail.totals.map((x) => [`${t('total')} ${FUNDING_LINE_NAMES[x.fundingLine][lang]}`, '', '', '', '', '', decimalCents(x.cents), '', '']);
  const all = [header, ...rows, [], ...totalRows, [t('total'), '', '', '', '', '', decimalCents(grandTotal(detail)), '', '']];
  const csv = `\uFEFF${all.map((row) => row.map(csvField).join(';')).join('\r\n')}\r\n`;
  return { csv, name: `pagamenti-${detail.municipalityCode}-${detail.month}.csv` };
}

export async function paymentListPdf(db: Db, actor: Actor, listId: string, lang: Lang = 'it'): Promise<{ pdf: Buffer; name: string }> {
  const detail = await db.transaction().execute((trx) => readList(trx, actor, listId, 'print'));
  const t = (key: keyof typeof TEXT) => TEXT[key][lang];
  const title = `${t('title')} — ${detail.municipalityName} ${detail.month}`;
  const now = clock.now();
  const pdf = await renderPdf({
    title,
    language: lang,
    metadata: [`${t('status')}: ${t(detail.status)}`, `${t('total')}: ${formatCents(grandTotal(detail), lang)}`],
    blocks: [
      {
        kind: 'table',
        columns: [t('name'), t('fiscalCode'), t('month'), t('funding'), t('iban'), t('amount')],
        rows: detail.rows.map((r) => [r.personName, r.fiscalCode ?? '', r.dueMonth, FUNDING_LINE_NAMES[r.fundingLine][lang], r.iban ?? t(r.paymentMethod), formatCents(r.amountCents, lang)]),
      },
      { kind: 'heading', text: t('totals') },
      {
        kind: 'table',
        columns: [t('funding'), t('amount')],
        rows: [...detail.totals.map((x) => [FUNDING_LINE_NAMES[x.fundingLine][lang], formatCents(x.cents, lang)]), [t('total'), formatCents(grandTotal(detail), lang)]],
      },
    ],
    footer: { municipality: lang === 'it' ? `Comune di ${detail.municipalityName}` : `Municipality of ${detail.municipalityName}`, date: now.toISOString().slice(0, 10) },
    subject: title,
  });
  return { pdf, name: `pagamenti-${detail.municipalityCode}-${detail.month}.pdf` };
}
