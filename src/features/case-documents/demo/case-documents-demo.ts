import type { DemoContext } from '../../../demo/feature-demos.ts';
import type { Db } from '../../../platform/db/database.ts';
import { renderPdf } from '../../../platform/documents/pdf.ts';
import { openDemoCases } from '../../cases/demo/open-demo-cases.ts';
import { sha256 } from '../document-storage.ts';
import type { DocumentCategory } from '../case-documents.codes.ts';
import '../case-documents.tables.ts';

const DEMO_DATE = new Date('2026-11-02T09:00:00Z');

const SAMPLES: { title: string; category: DocumentCategory; filename: string; paragraphs: string[] }[] = [
  {
    title: 'Attestazione ISEE ordinario 2026',
    category: 'isee',
    filename: 'ISEE_2026.pdf',
    paragraphs: [
      'Attestazione dell’Indicatore della Situazione Economica Equivalente (documento dimostrativo, dati non reali).',
      'Valore ISEE: 8.432,15 euro. Nucleo familiare di due componenti.',
    ],
  },
  {
    title: 'Certificato del medico di medicina generale',
    category: 'medical_certificate',
    filename: 'certificato medico.pdf',
    paragraphs: [
      'Si certifica che la persona presenta una ridotta autonomia negli spostamenti fuori casa (documento dimostrativo).',
      'Si consiglia un sostegno domiciliare per la spesa e le commissioni.',
    ],
  },
];

/** Two small PDF documents (made here with pdfkit) on each of the first demo cases of the assistente, stored in the database. */
export async function caseDocumentsDemo(trx: Db, context: DemoContext): Promise<void> {
  const owner = context.userIds.assistente;
  if (!owner) return;
  for (const c of await openDemoCases(trx, [owner], 3)) {
    for (const sample of SAMPLES) {
      const bytes = await renderPdf(
        { title: sample.title, language: 'it', blocks: sample.paragraphs.map((text) => ({ kind: 'paragraph' as const, text })), footer: { municipality: 'Documento dimostrativo', date: '2 novembre 2026' } },
        { creationDate: DEMO_DATE },
      );
      await trx
        .insertInto('case_document')
        .values({
          id: crypto.randomUUID(),
          case_id: c.id,
          municipality_code: c.municipality_code,
          title: sample.title,
          category: sample.category,
          original_filename: sample.filename,
          media_type: 'application/pdf',
          size_bytes: bytes.length,
          sha256: sha256(bytes),
          storage: 'database',
          content: bytes,
          uploaded_by: owner,
        })
        .execute();
    }
  }
}
