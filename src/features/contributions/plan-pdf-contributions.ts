import { printedDay } from '../care-plans/plan-pdf.ts';
import type { PlanPdfSection } from '../care-plans/plan-pdf-sections.ts';
import { STANDING_STATUSES, type ContributionStatus } from './contributions.codes.ts';
import { contributionQuery, toContribution } from './contribution-read.ts';
import { formatCents } from '../../platform/money/euros.ts';

const L = {
  heading: { it: 'Contributi economici', en: 'Economic contributions' },
  forWhom: { it: 'Per chi', en: 'For whom' },
  amount: { it: 'Quanto', en: 'How much' },
  why: { it: 'Perché', en: 'Why' },
  status: { it: 'A che punto è', en: 'Where it stands' },
  linked: { it: 'Legato agli impegni', en: 'Tied to the commitments' },
};
const STATUS: Partial<Record<ContributionStatus, { it: string; en: string }>> = {
  proposed: { it: 'proposto, in attesa della decisione dell’équipe', en: 'proposed, waiting for the team’s decision' },
  approved: { it: 'approvato dall’équipe il', en: 'approved by the team on' },
};

const monthYear = (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`;

/**
 * The contributions a plan version carries, in its PDF: those proposed in it or in an earlier version
 * and still standing (proposed or approved), so the person reads what money the project gives and why.
 */
export const contributionsInPlanPdf: PlanPdfSection = async (trx, plan, lang) => {
  const rows = await contributionQuery(trx)
    .where('k.case_id', '=', plan.caseId)
    .where('cp.version_number', '<=', plan.versionNumber)
    .where('k.status', 'in', STANDING_STATUSES)
    .orderBy('k.proposed_at')
    .execute();
  if (rows.length === 0) return [];
  const contributions = rows.map(toContribution);
  return [
    { kind: 'heading', text: L.heading[lang] },
    {
      kind: 'table',
      columns: [L.forWhom[lang], L.amount[lang], L.why[lang], L.status[lang]],
      rows: contributions.map((c) => [
        c.personName,
        c.kind === 'one_off'
          ? `${formatCents(c.amountCents, lang)} ${lang === 'it' ? 'una tantum' : 'once'} (${monthYear(c.firstMonth)})`
          : `${formatCents(c.amountCents, lang)} ${lang === 'it' ? `al mese per ${String(c.months)} mesi dal` : `a month for ${String(c.months)} months from`} ${monthYear(c.firstMonth)}`,
        c.commitments.length > 0 ? `${c.reason}. ${L.linked[lang]}: ${c.commitments.map((x) => x.commitment).join('; ')}` : c.reason,
        c.status === 'approved' && c.decision ? `${STATUS.approved?.[lang] ?? ''} ${printedDay(c.decision.heldOn)}` : (STATUS[c.status]?.[lang] ?? ''),
      ]),
    },
  ];
};
