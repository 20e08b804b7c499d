import type { Db } from '../../platform/db/database.ts';
import type { PdfBlock } from '../../platform/documents/pdf.ts';
import type { PlanVersion } from './care-plans.schemas.ts';

/** Blocks another feature adds to the plan's PDF (e.g. the economic contributions), read in the print's transaction. */
export type PlanPdfSection = (trx: Db, plan: PlanVersion, lang: 'it' | 'en') => Promise<PdfBlock[]>;

const sections: PlanPdfSection[] = [];

/**
 * Features that build on the plan register their part of its PDF here, so the plan prints everything
 * the person agrees to while care-plans depends on none of them.
 */
export function addPlanPdfSection(section: PlanPdfSection): void {
  if (!sections.includes(section)) sections.push(section);
}

export async function extraPlanBlocks(trx: Db, plan: PlanVersion, lang: 'it' | 'en'): Promise<PdfBlock[]> {
  const blocks: PdfBlock[] = [];
  for (const section of sections) blocks.push(...(await section(trx, plan, lang)));
  return blocks;
}
