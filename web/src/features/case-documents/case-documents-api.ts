import type { CaseDocument, DocumentLimits } from '../../../../src/features/case-documents/case-documents.schemas.ts';
import { api } from '../../platform/api/api-client.ts';

const documentsPath = (caseId: string) => `/cases/${encodeURIComponent(caseId)}/documents`;

export const caseDocumentsApi = {
  limits: () => api.get<DocumentLimits>('/documents/limits'),
  list: (caseId: string) => api.get<CaseDocument[]>(documentsPath(caseId)),
  /** `form` holds title, category and then the file (the server reads the fields first). */
  upload: (caseId: string, form: FormData) => api.postForm<CaseDocument>(documentsPath(caseId), form),
  withdraw: (caseId: string, documentId: string, reason: string) =>
    api.post<CaseDocument>(`${documentsPath(caseId)}/${encodeURIComponent(documentId)}/withdraw`, { reason }),
  /** A plain link: the browser downloads the attachment with the session cookie. */
  contentUrl: (caseId: string, documentId: string) => `/api${documentsPath(caseId)}/${encodeURIComponent(documentId)}/content`,
};
