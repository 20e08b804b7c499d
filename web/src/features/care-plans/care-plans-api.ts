import type { z } from 'zod';
import type { CreatePlanBody, PlanComparison, PlanOptions, PlanOverview, PlanVersion, SavePlanBody, TransitionBody } from '../../../../src/features/care-plans/care-plans.schemas.ts';
import { api } from '../../platform/api/api-client.ts';

const id = (value: string) => encodeURIComponent(value);
const base = (caseId: string) => `/cases/${id(caseId)}/plan`;
const version = (caseId: string, n: number) => `${base(caseId)}/versions/${String(n)}`;

export const carePlansApi = {
  overview: (caseId: string) => api.get<PlanOverview>(base(caseId)),
  create: (caseId: string, body: z.input<typeof CreatePlanBody>) => api.post<PlanVersion>(base(caseId), body),
  options: (caseId: string) => api.get<PlanOptions>(`${base(caseId)}/options`),
  version: (caseId: string, n: number) => api.get<PlanVersion>(version(caseId, n)),
  save: (caseId: string, n: number, body: z.input<typeof SavePlanBody>) => api.put<PlanVersion>(version(caseId, n), body),
  transition: (caseId: string, n: number, body: z.input<typeof TransitionBody>) => api.post<PlanVersion>(`${version(caseId, n)}/transition`, body),
  newVersion: (caseId: string, n: number, planVersion: number) => api.post<PlanVersion>(`${version(caseId, n)}/new-version`, { version: planVersion }),
  compare: (caseId: string, n: number) => api.get<PlanComparison>(`${version(caseId, n)}/compare`),
  /** Opened in a new tab: the browser shows the PDF (the server logs it as a print). */
  pdfUrl: (caseId: string, n: number, lang: 'it' | 'en') => `/api${version(caseId, n)}/pdf${lang === 'en' ? '?lang=en' : ''}`,
};
