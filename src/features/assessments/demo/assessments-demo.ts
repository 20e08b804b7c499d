import type { DemoContext } from '../../../demo/feature-demos.ts';
import type { Db } from '../../../platform/db/database.ts';
import '../../case-settings/case-settings.tables.ts';
import '../../cases/cases.tables.ts';
import type { AssessedDimension } from '../assessments.schemas.ts';
import '../assessments.tables.ts';
import { proposeIntensity } from '../intensity.ts';

const DAY = 86_400_000;

/** Scores and notes of the demo in-depth assessment, by dimension code (unknown codes stay unscored). */
const DEMO_SCORES: Record<string, [number, string]> = {
  HEALTH: [3, 'Deambulazione con deambulatore dopo la frattura del femore; diabete in terapia insulinica.'],
  HOUSEHOLD: [3, 'Vive con la moglie, anch’essa anziana; la figlia abita a Bologna e viene nel fine settimana.'],
  HOUSING: [2, 'Appartamento al secondo piano senza ascensore; bagno con vasca.'],
  WORK: [2, 'Pensione minima; spese per farmaci e trasporti sanitari.'],
  EDUCATION: [1, 'Nessun bisogno rilevato in quest’area.'],
  NETWORK: [2, 'Vicini disponibili per la spesa; frequentava il circolo parrocchiale.'],
};

/**
 * On the first demo case of assistente that is being assessed or in charge: a completed assessment
 * (preliminary analysis, in-depth scores, SINA block) and one UVM meeting with the Ausl that discussed it.
 */
export async function assessmentsDemo(trx: Db, context: DemoContext): Promise<void> {
  const owner = context.userIds.assistente;
  if (!owner) return;
  const target = await trx
    .selectFrom('case_record')
    .select(['id', 'municipality_code', 'opened_at'])
    .where('owner_id', '=', owner)
    .where('status', 'in', ['assessing', 'in_charge'])
    .orderBy('opened_at')
    .executeTakeFirst();
  if (!target) return;
  const dimensions: AssessedDimension[] = (
    await trx.selectFrom('assessment_dimension').selectAll().where('is_active', '=', true).orderBy('sort_order').execute()
  ).map((d) => {
    const [score, notes] = DEMO_SCORES[d.code] ?? [null, ''];
    return { code: d.code, nameIt: d.name_it, nameEn: d.name_en, scaleMin: d.scale_min, scaleMax: d.scale_max, levelLabels: d.level_labels, score, notes };
  });
  const proposed = proposeIntensity(dimensions);
  const assessedAt = new Date(Math.min(Date.parse(target.opened_at) + 7 * DAY, context.now.getTime() - 3 * DAY));
  const assessment = await trx
    .insertInto('case_assessment')
    .values({
      case_id: target.id,
      municipality_code: target.municipality_code,
      number: 1,
      status: 'completed',
      preliminary: JSON.stringify({
        request: 'La moglie chiede aiuto per l’igiene personale del marito e per accompagnarlo alle visite.',
        needs: 'Assistenza domiciliare per l’igiene due volte a settimana; trasporto alle visite diabetologiche.',
        resources: 'Moglie presente ma affaticata; figlia disponibile nei fine settimana; vicini collaborativi.',
        notes: 'Colloquio in sede e visita domiciliare svolti.',
        inDepthNeeded: true,
      }),
      dimensions: JSON.stringify(dimensions),
      sina: JSON.stringify({
        Mobilita: '2',
        AttivitaVitaQuotidiana: '2',
        DisturbiAreaCognitiva: '1',
        DisturbiComportamentali: '1',
        NecessitaCureSanitarie: '2',
        AreaReddituale: '2',
        AreaSupporto: '2',
        FonteDerivazioneValutazione: '1',
        StrumentoValutazione: '1',
        InvCiv: ['2'],
        FonteDerivazioneInvalidita: '1',
        DataValutazione: assessedAt.toISOString().slice(0, 10),
      }),
      proposed_intensity: proposed,
      intensity: proposed,
      version: 2,
      created_at: assessedAt.toISOString(),
      created_by: owner,
      updated_at: assessedAt.toISOString(),
      updated_by: owner,
      completed_at: assessedAt.toISOString(),
      completed_by: owner,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const heldAt = new Date(assessedAt.getTime() + DAY);
  heldAt.setUTCHours(9, 30, 0, 0);
  const participants = [
    { kind: 'internal', userId: owner, name: 'Giulia Rossi', role: 'Assistente sociale responsabile del caso', present: true },
    { kind: 'external', name: 'Dott.ssa Laura Monti', role: 'Geriatra', body: 'Ausl Bologna — UVM anziani', present: true },
    { kind: 'external', name: 'Paolo Rinaldi', role: 'Infermiere di comunità', body: 'Ausl Bologna — Casa della Comunità', present: true },
  ];
  const ownerName = await trx.selectFrom('app_user').select('display_name').where('id', '=', owner).executeTakeFirst();
  if (ownerName) participants[0]!.name = ownerName.display_name;
  await trx
    .insertInto('case_meeting')
    .values({
      case_id: target.id,
      municipality_code: target.municipality_code,
      held_at: heldAt.toISOString(),
      place: 'Casa della Comunità di Castel Maggiore',
      question: 'Definire il progetto di assistenza domiciliare e valutare l’assegno di cura.',
      decisions: 'Si attiva il servizio di assistenza domiciliare due volte a settimana per l’igiene personale.\n\nSi propone l’assegno di cura alla moglie caregiver; verifica tra tre mesi.',
      participants: JSON.stringify(participants),
      follow_ups: JSON.stringify([
        { action: 'Attivare il servizio di assistenza domiciliare', who: 'Assistente sociale', dueOn: new Date(heldAt.getTime() + 7 * DAY).toISOString().slice(0, 10), done: true },
        { action: 'Istruttoria per l’assegno di cura', who: 'Ufficio amministrativo', dueOn: new Date(heldAt.getTime() + 30 * DAY).toISOString().slice(0, 10), done: false },
      ]),
      assessment_id: assessment.id,
      created_at: heldAt.toISOString(),
      created_by: owner,
      updated_at: heldAt.toISOString(),
      updated_by: owner,
    })
    .execute();
}
