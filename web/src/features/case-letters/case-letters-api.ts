import type { z } from 'zod';
import type { CaseLetter, UpdateLetterBody } from '../../../../src/features/case-letters/case-letters.schemas.ts';
import { api } from '../../platform/api/api-client.ts';

const lettersPath = (caseId: string) => `/cases/${encodeURIComponent(caseId)}/letters`;
const letterPath = (caseId: string, letterId: string) => `${lettersPath(caseId)}/${encodeURIComponent(letterId)}`;

export const caseLettersApi = {
  list: (caseId: string) => api.get<CaseLetter[]>(lettersPath(caseId)),
  get: (caseId: string, letterId: string) => api.get<CaseLetter>(letterPath(caseId, letterId)),
  create: (caseId: string, templateId: string) => api.post<CaseLetter>(lettersPath(caseId), { templateId }),
  update: (caseId: string, letterId: string, body: z.input<typeof UpdateLetterBody>) => api.put<CaseLetter>(letterPath(caseId, letterId), body),
  send: (caseId: string, letterId: string, version: number) => api.post<CaseLetter>(`${letterPath(caseId, letterId)}/send`, { version }),
  /** Opened in a new tab: the browser shows the PDF. */
  pdfUrl: (caseId: string, letterId: string) => `/api${letterPath(caseId, letterId)}/pdf`,
};

export const composerPath = (caseId: string, letterId: string) => `/cases/${encodeURIComponent(caseId)}/letters/${encodeURIComponent(letterId)}`;
