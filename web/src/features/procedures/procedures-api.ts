import type { z } from 'zod';
import type { AddSuspensionBody, DeadlineRow, DecisionBody, EndSuspensionBody, Procedure, StartProcedureBody, UpdateProcedureBody } from '../../../../src/features/procedures/procedures.schemas.ts';
import type { ProcedureState } from '../../../../src/features/procedures/procedures.codes.ts';
import { api, withQuery } from '../../platform/api/api-client.ts';

const base = (caseId: string) => `/cases/${encodeURIComponent(caseId)}/procedures`;
const one = (caseId: string, procedureId: string) => `${base(caseId)}/${encodeURIComponent(procedureId)}`;

export const proceduresApi = {
  list: (caseId: string) => api.get<Procedure[]>(base(caseId)),
  start: (caseId: string, body: z.input<typeof StartProcedureBody>) => api.post<Procedure>(base(caseId), body),
  update: (caseId: string, procedureId: string, body: z.input<typeof UpdateProcedureBody>) => api.patch<Procedure>(one(caseId, procedureId), body),
  suspend: (caseId: string, procedureId: string, body: z.input<typeof AddSuspensionBody>) => api.post<Procedure>(`${one(caseId, procedureId)}/suspensions`, body),
  resume: (caseId: string, procedureId: string, suspensionId: string, body: z.input<typeof EndSuspensionBody>) =>
    api.post<Procedure>(`${one(caseId, procedureId)}/suspensions/${encodeURIComponent(suspensionId)}/end`, body),
  decide: (caseId: string, procedureId: string, body: z.input<typeof DecisionBody>) => api.post<Procedure>(`${one(caseId, procedureId)}/decision`, body),
  overdue: (withinDays?: number) => api.get<DeadlineRow[]>(withQuery('/procedures/overdue', { withinDays })),
};

/** Badge colour of each state: red overdue, amber near the deadline. */
export const STATE_COLOR: Record<ProcedureState, string> = { running: 'primary', near: 'warning', overdue: 'danger', suspended: 'secondary', decided: 'success' };
