import type { Db } from '../../platform/db/database.ts';
import { renderPdf, type PdfBlock } from '../../platform/documents/pdf.ts';
import type { FundingBody, PlanStatus, SignatureMethod, SupportFrequency } from './care-plans.codes.ts';
import type { PlanVersion } from './care-plans.schemas.ts';
import { extraPlanBlocks } from './plan-pdf-sections.ts';
import { formatCents } from '../../platform/money/euros.ts';
import { formatQuantity } from './plan-totals.ts';
import type { ServiceUnit } from '../catalogue/catalogue.codes.ts';
import { caseHeading } from '../cases/case-heading.ts';
import { clock } from '../../platform/time/clock.ts';

type Lang = 'it' | 'en';
type Words = Record<Lang, string>;

const STATUS: Record<PlanStatus, Words> = {
  draft: { it: 'bozza', en: 'draft' },
  proposed: { it: 'proposto', en: 'proposed' },
  agreed: { it: 'concordato', en: 'agreed' },
  active: { it: 'in corso', en: 'active' },
  under_review: { it: 'in verifica', en: 'under review' },
  closed: { it: 'chiuso', en: 'closed' },
};
const FREQUENCY: Record<SupportFrequency, Words> = { weekly: { it: 'a settimana', en: 'a week' }, monthly: { it: 'al mese', en: 'a month' }, one_off: { it: 'una volta', en: 'once' } };
const UNIT: Record<ServiceUnit, Words> = {
  hours: { it: 'ore', en: 'hours' },
  days: { it: 'giorni', en: 'days' },
  euros: { it: 'euro', en: 'euros' },
  places: { it: 'posti', en: 'places' },
  meals: { it: 'pasti', en: 'meals' },
  trips: { it: 'viaggi', en: 'trips' },
  units: { it: 'prestazioni', en: 'units' },
};
export const FUNDING: Record<FundingBody, Words> = {
  municipality: { it: 'Comune', en: 'Municipality' },
  union: { it: 'Unione dei comuni', en: 'Union of municipalities' },
  ausl_frna: { it: 'Ausl / FRNA', en: 'Local health authority / FRNA' },
  region: { it: 'Regione', en: 'Region' },
  national_poverty_fund: { it: 'Fondo nazionale povertà', en: 'National poverty fund' },
  other: { it: 'Altro', en: 'Other' },
};
const SIGNATURE: Record<SignatureMethod, Words> = {
  paper_scan: { it: 'firma su carta (copia scansionata)', en: 'signed on paper (scanned copy)' },
  in_person: { it: 'firma di persona', en: 'signed in person' },
  online: { it: 'firma online', en: 'signed online' },
};
const L = {
  title: { it: 'Progetto personalizzato', en: 'Personalised project' },
  version: { it: 'Versione', en: 'Version' },
  case: { it: 'Caso', en: 'Case' },
  for: { it: 'Per', en: 'For' },
  period: { it: 'Durata', en: 'Period' },
  status: { it: 'Stato', en: 'Status' },
  signed: { it: 'Firmato il', en: 'Signed on' },
  by: { it: 'da', en: 'by' },
  summary: { it: 'Di che cosa parla il progetto', en: 'What the project is about' },
  objectives: { it: 'Obiettivi', en: 'Objectives' },
  result: { it: 'Risultato atteso', en: 'Expected result' },
  indicator: { it: 'Come lo misuriamo', en: 'How we measure it' },
  target: { it: 'Entro il', en: 'By' },
  supports: { it: 'Interventi e sostegni', en: 'Services and support' },
  service: { it: 'Servizio', en: 'Service' },
  provider: { it: 'Chi lo fornisce', en: 'Provided by' },
  quantity: { it: 'Quanto', en: 'How much' },
  dates: { it: 'Dal – al', en: 'From – to' },
  monthly: { it: 'Costo al mese', en: 'Cost a month' },
  funding: { it: 'Chi paga', en: 'Paid by' },
  direct: { it: 'Servizio sociale (diretto)', en: 'Social service (direct)' },
  totals: { it: 'Costi totali del progetto', en: 'Total costs of the project' },
  amount: { it: 'Importo', en: 'Amount' },
  total: { it: 'Totale', en: 'Total' },
  perMonth: { it: 'In un mese intero il progetto costa', en: 'In a full month the project costs' },
  commitments: { it: 'Gli impegni della persona e della famiglia', en: 'What the person and the family commit to' },
  who: { it: 'Chi', en: 'Who' },
  what: { it: 'Che cosa fa', en: 'What they do' },
  tasks: { it: 'Chi fa che cosa', en: 'Who does what' },
  reviews: { it: 'Quando verifichiamo il progetto', en: 'When we review the project' },
  none: { it: 'Nessuno.', en: 'None.' },
  personSigns: { it: 'La persona (o chi la rappresenta)', en: 'The person (or their representative)' },
  workerSigns: { it: 'L’assistente sociale', en: 'The social worker' },
  languageNote: { it: '', en: 'The project was written in Italian: the headings are in English, the content is as written.' },
} satisfies Record<string, Words>;

/** dd/mm/yyyy in both languages (the person reads Italian dates; English readers in Italy too). */
export function printedDay(iso: string | null): string {
  if (!iso) return '—';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d ?? ''}/${m ?? ''}/${y ?? ''}`;
}

/** The blocks of the plan in plain words: objectives with results, supports with costs, the pact, who does what, reviews. */
export function planBlocks(plan: PlanVersion, lang: Lang): PdfBlock[] {
  const t = (w: Words) => w[lang];
  const blocks: PdfBlock[] = [];
  if (lang === 'en') blocks.push({ kind: 'paragraph', text: t(L.languageNote) });
  if (plan.summary) blocks.push({ kind: 'heading', text: t(L.summary) }, { kind: 'paragraph', text: plan.summary });
  blocks.push({ kind: 'heading', text: t(L.objectives) });
  if (plan.objectives.length === 0) blocks.push({ kind: 'paragraph', text: t(L.none) });
  plan.objectives.forEach((o, i) => {
    blocks.push({ kind: 'paragraph', text: `${String(i + 1)}. ${o.description}` });
    if (o.results.length) blocks.push({ kind: 'table', columns: [t(L.result), t(L.indicator), t(L.target)], rows: o.results.map((r) => [r.description, r.indicator, printedDay(r.targetDate)]) });
  });
  blocks.push({ kind: 'heading', text: t(L.supports) });
  if (plan.supports.length === 0) blocks.push({ kind: 'paragraph', text: t(L.none) });
  else {
    blocks.push({
      kind: 'table',
      columns: [t(L.service), t(L.provider), t(L.quantity), t(L.dates), t(L.monthly), t(L.funding)],
      rows: plan.supports.map((s) => [
        s.serviceName,
        s.providerName ?? t(L.direct),
        `${formatQuantity(s.quantityHundredths, lang)} ${t(UNIT[s.unit])} ${t(FREQUENCY[s.frequency])} × ${formatCents(s.unitCostCents, lang)}`,
        s.frequency === 'one_off' ? printedDay(s.startDate) : `${printedDay(s.startDate)} – ${printedDay(s.endDate)}`,
        formatCents(s.monthlyCents, lang),
        t(FUNDING[s.fundingBody]),
      ]),
    });
    blocks.push({ kind: 'heading', text: t(L.totals) });
    blocks.push({ kind: 'paragraph', text: `${t(L.perMonth)} ${formatCents(plan.totals.monthlyCents, lang)}.` });
    blocks.push({
      kind: 'table',
      columns: [t(L.funding), t(L.amount)],
      rows: [...plan.totals.byFundingBody.map((f) => [t(FUNDING[f.fundingBody]), formatCents(f.cents, lang)]), [t(L.total), formatCents(plan.totals.totalCents, lang)]],
    });
  }
  blocks.push({ kind: 'heading', text: t(L.commitments) });
  if (plan.commitments.length === 0) blocks.push({ kind: 'paragraph', text: t(L.none) });
  else blocks.push({ kind: 'table', columns: [t(L.who), t(L.what)], rows: plan.commitments.map((c) => [c.whoName, c.commitment]) });
  blocks.push({ kind: 'heading', text: t(L.tasks) });
  if (plan.tasks.length === 0) blocks.push({ kind: 'paragraph', text: t(L.none) });
  else blocks.push({ kind: 'table', columns: [t(L.who), t(L.what)], rows: plan.tasks.map((x) => [x.whoName, x.task]) });
  blocks.push({ kind: 'heading', text: t(L.reviews) });
  if (plan.reviews.length === 0) blocks.push({ kind: 'paragraph', text: t(L.none) });
  for (const r of plan.reviews) blocks.push({ kind: 'paragraph', text: r.note ? `${printedDay(r.reviewOn)}: ${r.note}` : printedDay(r.reviewOn) });
  return blocks;
}

/** The plan version as a tagged A4 PDF, headings in Italian or English, the content as written. */
export async function planPdf(trx: Db, plan: PlanVersion, lang: Lang, now = clock.now()): Promise<Buffer> {
  const t = (w: Words) => w[lang];
  const heading = await caseHeading(trx, plan.caseId);
  const title = `${t(L.title)} — ${t(L.version)} ${String(plan.versionNumber)}`;
  const municipality = lang === 'it' ? `Comune di ${heading.municipalityName}` : `Municipality of ${heading.municipalityName}`;
  const metadata = [
    `${t(L.case)}: ${heading.reference}`,
    `${t(L.for)}: ${heading.beneficiaries.map((b) => b.fullName).join(', ')}`,
    `${t(L.period)}: ${printedDay(plan.periodStart)} – ${printedDay(plan.periodEnd)}`,
    `${t(L.status)}: ${t(STATUS[plan.status])}`,
  ];
  if (plan.agreement) metadata.push(`${t(L.signed)} ${printedDay(plan.agreement.signedOn)} ${t(L.by)} ${plan.agreement.signedByName}: ${t(SIGNATURE[plan.agreement.method])}`);
  return renderPdf(
    {
      title,
      language: lang,
      metadata,
      blocks: [...planBlocks(plan, lang), ...(await extraPlanBlocks(trx, plan, lang))],
      signatures: [{ label: t(L.personSigns) }, { label: t(L.workerSigns), name: heading.ownerName }],
      footer: { municipality, date: printedDay(now.toISOString()) },
      author: heading.ownerName,
      subject: title,
    },
    { creationDate: now },
  );
}
