import type { Actor } from '../../platform/access/actor.ts';
import { scopeFor } from '../../platform/access/scope.ts';
import type { Db } from '../../platform/db/database.ts';
import { notFound } from '../../platform/http/errors.ts';
import { readability } from '../../platform/documents/gulpease.ts';
import { renderPdf, type PdfBlock } from '../../platform/documents/pdf.ts';
import { LETTER_SAMPLE_VALUES, type LetterLanguage, type LetterPlaceholder } from './case-settings.codes.ts';
import type { LetterTemplate, LetterTemplateInput, ListQuery } from './case-settings.schemas.ts';
import { unique } from './case-settings.service.ts';
import { recordAdminChange } from '../admin-log/admin-log.service.ts';
import { assertKnownPlaceholders, fillPlaceholders } from './letter-placeholders.ts';
import { CASE_SETTINGS_READ } from './permissions.ts';
import './case-settings.tables.ts';
import '../territories/territories.tables.ts';
import { clock } from '../../platform/time/clock.ts';

const templateNotFound = () => notFound({ it: 'Modello di lettera non trovato.', en: 'Letter template not found.' });
const nameTaken = { it: 'Esiste già un modello con questo nome in questa lingua.', en: 'A template with this name already exists in this language.' };

type Row = { id: string; name: string; language: LetterLanguage; subject: string; body: string; is_active: boolean; updated_at: string };
const toTemplate = (row: Row): LetterTemplate => ({
  id: row.id,
  name: row.name,
  language: row.language,
  subject: row.subject,
  body: row.body,
  isActive: row.is_active,
  updatedAt: row.updated_at,
});

export async function listLetterTemplates(db: Db, query: ListQuery): Promise<LetterTemplate[]> {
  let rows = db.selectFrom('letter_template').selectAll().orderBy('language').orderBy('name');
  if (query.includeInactive !== 'true') rows = rows.where('is_active', '=', true);
  return (await rows.execute()).map(toTemplate);
}

export async function getLetterTemplate(db: Db, id: string): Promise<LetterTemplate> {
  const row = await db.selectFrom('letter_template').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw templateNotFound();
  return toTemplate(row);
}

function checkPlaceholders(input: LetterTemplateInput): void {
  assertKnownPlaceholders('subject', input.subject);
  assertKnownPlaceholders('body', input.body);
}

export async function createLetterTemplate(db: Db, actor: Actor, input: LetterTemplateInput): Promise<LetterTemplate> {
  checkPlaceholders(input);
  return unique(nameTaken, () =>
    db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('letter_template')
        .values({ name: input.name, language: input.language, subject: input.subject, body: input.body, is_active: input.isActive, updated_by: actor.userId })
        .returningAll()
        .executeTakeFirstOrThrow();
      const after = toTemplate(row);
      await recordAdminChange(trx, actor, { entityType: 'letter_template', entityId: row.id, action: 'create', after, municipalityCodes: null });
      return after;
    }),
  );
}

export async function updateLetterTemplate(db: Db, actor: Actor, id: string, input: LetterTemplateInput): Promise<LetterTemplate> {
  checkPlaceholders(input);
  return unique(nameTaken, () =>
    db.transaction().execute(async (trx) => {
      const old = await trx.selectFrom('letter_template').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      if (!old) throw templateNotFound();
      const row = await trx
        .updateTable('letter_template')
        .set({
          name: input.name,
          language: input.language,
          subject: input.subject,
          body: input.body,
          is_active: input.isActive,
          updated_by: actor.userId,
          updated_at: clock.now().toISOString(),
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      const after = toTemplate(row);
      await recordAdminChange(trx, actor, { entityType: 'letter_template', entityId: id, action: 'update', before: toTemplate(old), after, municipalityCodes: null });
      return after;
    }),
  );
}

/** dd/mm/yyyy in Italian letters, "26 November 2026" in English ones. */
export function letterDate(date: Date, language: LetterLanguage): string {
  return new Intl.DateTimeFormat(language === 'it' ? 'it-IT' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Rome' }).format(date);
}

/** Splits a letter body into paragraphs at blank lines; single line breaks stay inside a paragraph. */
export function letterBlocks(body: string): PdfBlock[] {
  return body
    .split(/\n[ \t]*\n/u)
    .map((text) => text.trim())
    .filter((text) => text.length > 0)
    .map((text) => ({ kind: 'paragraph' as const, text }));
}

/** The template printed with sample data (no real person): what a letter from it will look like. */
export async function previewLetterTemplate(db: Db, actor: Actor, id: string, now = clock.now()): Promise<Buffer> {
  const template = await getLetterTemplate(db, id);
  const municipalityCode = scopeFor(actor, CASE_SETTINGS_READ).municipalityCodes[0];
  const municipality = municipalityCode
    ? await db.selectFrom('municipality').select('name').where('istat_code', '=', municipalityCode).executeTakeFirst()
    : undefined;
  const it = template.language === 'it';
  const municipalityName = `${it ? 'Comune di' : 'Municipality of'} ${municipality?.name ?? (it ? 'esempio' : 'example')}`;
  const today = letterDate(now, template.language);
  const values: Record<LetterPlaceholder, string> = {
    ...LETTER_SAMPLE_VALUES,
    today,
    'worker.name': actor.displayName,
    'municipality.name': municipalityName,
  };
  const subject = fillPlaceholders(template.subject, values);
  const body = fillPlaceholders(template.body, values);
  const score = readability(body);
  return renderPdf(
    {
      title: subject,
      language: template.language,
      metadata: [
        it ? `Anteprima del modello «${template.name}» con dati di esempio` : `Preview of the template "${template.name}" with sample data`,
        `${it ? 'Indice Gulpease' : 'Gulpease index'}: ${score.index ?? '—'}`,
      ],
      blocks: letterBlocks(body),
      signatures: [{ label: it ? 'L’assistente sociale' : 'The social worker', name: actor.displayName }],
      footer: { municipality: municipalityName, date: today },
      author: actor.displayName,
      subject,
    },
    { creationDate: now },
  );
}
