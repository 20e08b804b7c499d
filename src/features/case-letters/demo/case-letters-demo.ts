import type { DemoContext } from '../../../demo/feature-demos.ts';
import type { Db } from '../../../platform/db/database.ts';
import { readability } from '../../../platform/documents/gulpease.ts';
import { fillPlaceholders } from '../../case-settings/letter-placeholders.ts';
import { openDemoCases } from '../../cases/demo/open-demo-cases.ts';
import { caseLetterValues } from '../letter-values.ts';
import '../case-letters.tables.ts';

/**
 * On the first demo cases of the assistente: a sent invitation (from the "Convocazione a colloquio"
 * template) and a draft written in hard bureaucratic Italian, whose readability warning shows in the composer.
 */
export async function caseLettersDemo(trx: Db, context: DemoContext): Promise<void> {
  const owner = context.userIds.assistente;
  const template = await trx.selectFrom('letter_template').selectAll().where('name', '=', 'Convocazione a colloquio').where('language', '=', 'it').executeTakeFirst();
  if (!owner || !template) return;
  for (const c of await openDemoCases(trx, [owner], 2)) {
    const sentAt = new Date(context.now.getTime() - 7 * 86_400_000);
    const { values, recipientId } = await caseLetterValues(trx, c.id, 'it', sentAt);
    const body = fillPlaceholders(template.body, values);
    const common = { case_id: c.id, municipality_code: c.municipality_code, template_id: template.id, language: 'it' as const, recipient_person_id: recipientId, created_by: owner, updated_by: owner };
    await trx
      .insertInto('case_letter')
      .values({ ...common, subject: template.subject, body, status: 'sent', created_at: sentAt.toISOString(), updated_at: sentAt.toISOString(), sent_at: sentAt.toISOString(), sent_by: owner, gulpease_at_sending: readability(body).index, version: 2 })
      .execute();
    await trx
      .insertInto('case_letter')
      .values({
        ...common,
        subject: 'Comunicazione relativa all’istanza di contributo',
        body: `Gentile ${values['person.fullName']},\n\ncon la presente si comunica che, ai sensi della normativa vigente in materia di interventi e servizi sociali e in considerazione della documentazione amministrativa prodotta, la Sua istanza di contributo economico straordinario risulta attualmente sottoposta a istruttoria procedimentale approfondita da parte del competente ufficio.\n\n${values['municipality.name']}`,
      })
      .execute();
  }
}
