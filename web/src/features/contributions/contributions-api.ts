import type { z } from 'zod';
import type {
  Ceiling,
  CeilingBody,
  Contribution,
  MeetingTeam,
  PaymentListDetail,
  PaymentListSummary,
  PendingContribution,
  ProposeContributionBody,
  TeamMeetingBody,
  TeamMeetingResult,
} from '../../../../src/features/contributions/contributions.schemas.ts';
import { api, withQuery } from '../../platform/api/api-client.ts';

const base = (caseId: string) => `/cases/${encodeURIComponent(caseId)}/contributions`;
const list = (id: string) => `/payment-lists/${encodeURIComponent(id)}`;

export const contributionsApi = {
  list: (caseId: string) => api.get<Contribution[]>(base(caseId)),
  propose: (caseId: string, body: z.input<typeof ProposeContributionBody>) => api.post<Contribution>(base(caseId), body),
  revoke: (caseId: string, id: string, body: { reason: string; version: number }) => api.post<Contribution>(`${base(caseId)}/${encodeURIComponent(id)}/revoke`, body),
  meetingTeams: () => api.get<MeetingTeam[]>('/team-meetings/teams'),
  pending: () => api.get<PendingContribution[]>('/contributions/pending'),
  recordMeeting: (body: z.input<typeof TeamMeetingBody>) => api.post<z.infer<typeof TeamMeetingResult>>('/team-meetings', body),
  ceilings: () => api.get<z.infer<typeof Ceiling>[]>('/contribution-ceilings'),
  saveCeiling: (code: string, body: z.input<typeof CeilingBody>) => api.put<z.infer<typeof Ceiling>>(`/contribution-ceilings/${encodeURIComponent(code)}`, body),
  paymentLists: (query: { municipalityCode?: string; month?: string } = {}) => api.get<PaymentListSummary[]>(withQuery('/payment-lists', query)),
  paymentList: (id: string) => api.get<PaymentListDetail>(list(id)),
  transition: (id: string, body: { to: string; version: number }) => api.post<PaymentListDetail>(`${list(id)}/transition`, body),
  correct: (id: string, lineId: string, body: { correctAmountCents: number; note: string }) =>
    api.post<{ listId: string; month: string; amountCents: number }>(`${list(id)}/lines/${encodeURIComponent(lineId)}/correction`, body),
  csvUrl: (id: string) => `/api${list(id)}/csv`,
  pdfUrl: (id: string, lang: 'it' | 'en') => `/api${list(id)}/pdf${lang === 'en' ? '?lang=en' : ''}`,
};
