import type { ColumnType, Generated } from 'kysely';
import type { DocumentCategory } from './case-documents.codes.ts';

export interface CaseDocumentTable {
  id: ColumnType<string, string, never>;
  case_id: string;
  municipality_code: string;
  title: string;
  category: DocumentCategory;
  original_filename: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  storage: 'database' | 'folder';
  content: Buffer | null;
  uploaded_at: Generated<string>;
  uploaded_by: string;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
  withdrawal_reason: string | null;
}

declare module '../../platform/db/tables.ts' {
  interface Tables {
    case_document: CaseDocumentTable;
  }
}
