import type { DemoContext } from '../../../demo/feature-demos.ts';
import type { Db } from '../../../platform/db/database.ts';
import { caseHeading } from '../../cases/case-heading.ts';
import { openDemoCases } from '../../cases/demo/open-demo-cases.ts';
import { householdToHear } from '../case-facts.ts';
import { DEFAULT_COURT } from '../referrals.codes.ts';
import '../referrals.tables.ts';
import '../../case-documents/case-documents.tables.ts';
import { shiftDate } from '../../../platform/time/rome.ts';

/**
 * On the first demo case of the assistente: a referral to the disability unit (UVM), sent a week ago with
 * the medical certificate attached; on the second, a petition for a support administrator still in draft.
 */
export async function referralsDemo(trx: Db, context: DemoContext): Promise<void> {
  const owner = context.userIds.assistente;
  if (!owner) return;
  const [first, second] = await openDemoCases(trx, [owner], 2);
  if (first) {
    const sentOn = shiftDate(context.today, -7);
    const { id } = await trx
      .insertInto('case_referral')
      .values({
        case_id: first.id,
        municipality_code: first.municipality_code,
        service: 'disability_uvm',
        contact_name: 'UVM disabili — Distretto Pianura Est',
        reason: 'La persona ha una ridotta autonomia negli spostamenti e vive sola. Il medico di medicina generale segnala un peggioramento negli ultimi mesi.',
        question: 'Chiediamo una valutazione multidimensionale per l’accesso ai servizi per la disabilità (assistenza domiciliare, centro diurno).',
        urgency: 'ordinary',
        status: 'sent',
        sent_on: sentOn,
        sent_by: owner,
        created_by: owner,
        updated_by: owner,
        version: 2,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('case_referral_status_change').values({ referral_id: id, from_status: 'draft', to_status: 'sent', changed_on: sentOn, note: 'Inviato via PEC.', changed_by: owner }).execute();
    const certificate = await trx.selectFrom('case_document').select('id').where('case_id', '=', first.id).where('category', '=', 'medical_certificate').where('withdrawn_at', 'is', null).executeTakeFirst();
    if (certificate) await trx.insertInto('case_referral_document').values({ referral_id: id, document_id: certificate.id }).execute();
  }
  const beneficiaryId = second ? (await caseHeading(trx, second.id)).beneficiary?.id : undefined;
  if (second && beneficiaryId) {
    await trx
      .insertInto('case_petition')
      .values({
        case_id: second.id,
        municipality_code: second.municipality_code,
        beneficiary_person_id: beneficiaryId,
        court_name: DEFAULT_COURT,
        reasons:
          'La persona vive sola e non riesce più a gestire da sola la pensione e le spese di casa. Negli ultimi mesi ha lasciato bollette non pagate e ha firmato due contratti che non ricordava. I familiari vivono lontano e chiedono un aiuto.',
        administrator_name: null,
        administrator_relation: null,
        acts: 'Riscossione della pensione; pagamento di affitto e bollette; rapporti con la banca e con l’Ausl.',
        persons_to_hear: JSON.stringify(await householdToHear(trx, beneficiaryId)),
        created_by: owner,
        updated_by: owner,
      })
      .execute();
  }
}
