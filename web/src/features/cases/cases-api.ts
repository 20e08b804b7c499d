import type { z } from 'zod';
import type {
  BreakGlassGrant,
  CaseDetail,
  CaseListRow,
  CaseView,
  EligibleOwner,
  OpenCaseBody,
  OpenFromIntakeBody,
  StatusChangeBody,
  TransferBody,
  UpdateCaseBody,
} from '../../../../src/features/cases/cases.schemas.ts';
import type { ClosureObjectives } from '../../../../src/features/care-plans/care-plans.schemas.ts';
import { api, withQuery } from '../../platform/api/api-client.ts';

const casePath = (id: string) => `/cases/${encodeURIComponent(id)}`;

export const casesApi = {
  list: (params: { scope: string; status: string; q?: string | undefined; reviewDue?: 'true' | undefined }) => api.get<CaseListRow[]>(withQuery('/cases', params)),
  get: (id: string) => api.get<CaseView>(casePath(id)),
  open: (body: z.input<typeof OpenCaseBody>) => api.post<CaseDetail>('/cases', body),
  openFromIntake: (intakeId: string, body: z.input<typeof OpenFromIntakeBody>) => api.post<CaseDetail>(`/intake/${encodeURIComponent(intakeId)}/open-case`, body),
  changeStatus: (id: string, body: z.input<typeof StatusChangeBody>) => api.post<CaseDetail>(`${casePath(id)}/status`, body),
  update: (id: string, body: z.input<typeof UpdateCaseBody>) => api.patch<CaseDetail>(casePath(id), body),
  transfer: (id: string, body: z.input<typeof TransferBody>) => api.post<CaseDetail>(`${casePath(id)}/transfer`, body),
  breakGlass: (id: string, reason: string) => api.post<CaseDetail>(`${casePath(id)}/break-glass`, { reason }),
  closureObjectives: (id: string) => api.get<ClosureObjectives>(`${casePath(id)}/closure-objectives`),
  owners: (id: string) => api.get<EligibleOwner[]>(`${casePath(id)}/eligible-owners`),
  ownersIn: (municipalityCode: string) => api.get<EligibleOwner[]>(withQuery('/cases/eligible-owners', { municipalityCode })),
  ofPerson: (personId: string, purpose?: string) => api.get<CaseListRow[]>(`/persons/${encodeURIComponent(personId)}/cases`, { purpose }),
  breakGlassEvents: () => api.get<BreakGlassGrant[]>('/cases/break-glass-events'),
};
