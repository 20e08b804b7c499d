import type { z } from 'zod';
import type { Assessment, AssessmentBody, AssessmentSummary, SinaOption } from '../../../../src/features/assessments/assessments.schemas.ts';
import type { Meeting, MeetingInput, MeetingSummary, MeetingUpdate } from '../../../../src/features/assessments/meetings.schemas.ts';
import { api } from '../../platform/api/api-client.ts';

const base = (caseId: string, kind: 'assessments' | 'meetings') => `/cases/${encodeURIComponent(caseId)}/${kind}`;

export const assessmentsApi = {
  sinaOptions: () => api.get<SinaOption[]>('/assessments/sina-options'),
  list: (caseId: string) => api.get<AssessmentSummary[]>(base(caseId, 'assessments')),
  get: (caseId: string, id: string) => api.get<Assessment>(`${base(caseId, 'assessments')}/${encodeURIComponent(id)}`),
  create: (caseId: string) => api.post<Assessment>(base(caseId, 'assessments'), { copyLatest: true }),
  save: (caseId: string, id: string, body: z.input<typeof AssessmentBody>) => api.put<Assessment>(`${base(caseId, 'assessments')}/${encodeURIComponent(id)}`, body),
  complete: (caseId: string, id: string, version: number) => api.post<Assessment>(`${base(caseId, 'assessments')}/${encodeURIComponent(id)}/complete`, { version }),
};

export const meetingsApi = {
  list: (caseId: string) => api.get<MeetingSummary[]>(base(caseId, 'meetings')),
  get: (caseId: string, id: string) => api.get<Meeting>(`${base(caseId, 'meetings')}/${encodeURIComponent(id)}`),
  create: (caseId: string, body: z.input<typeof MeetingInput>) => api.post<Meeting>(base(caseId, 'meetings'), body),
  update: (caseId: string, id: string, body: z.input<typeof MeetingUpdate>) => api.put<Meeting>(`${base(caseId, 'meetings')}/${encodeURIComponent(id)}`, body),
  minutesUrl: (caseId: string, id: string) => `/api${base(caseId, 'meetings')}/${encodeURIComponent(id)}/minutes.pdf`,
};
