import type { z } from 'zod';
import type { CorrectDiaryEntryBody, CreateDiaryEntryBody, DiaryEntry, DiaryHistory, DiaryPage } from '../../../../src/features/case-diary/case-diary.schemas.ts';
import { api, withQuery } from '../../platform/api/api-client.ts';

const diaryPath = (caseId: string) => `/cases/${encodeURIComponent(caseId)}/diary`;

export const caseDiaryApi = {
  list: (caseId: string, params: { page: number; pageSize: number; kind?: string | undefined }) => api.get<DiaryPage>(withQuery(diaryPath(caseId), params)),
  add: (caseId: string, body: z.input<typeof CreateDiaryEntryBody>) => api.post<DiaryEntry>(diaryPath(caseId), body),
  correct: (caseId: string, entryId: string, body: z.input<typeof CorrectDiaryEntryBody>) =>
    api.post<DiaryEntry>(`${diaryPath(caseId)}/${encodeURIComponent(entryId)}/corrections`, body),
  history: (caseId: string, entryId: string) => api.get<DiaryHistory>(`${diaryPath(caseId)}/${encodeURIComponent(entryId)}/history`),
};
