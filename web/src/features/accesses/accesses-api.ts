import type { z } from 'zod';
import type { NeedArea, ServiceSummary } from '../../../../src/features/catalogue/catalogue.schemas.ts';
import type { Access, AccessPage, CreateAccessBody, LinkPersonBody, UpdateAccessBody } from '../../../../src/features/accesses/accesses.schemas.ts';
import type { AssignIntakeBody, CloseIntakeBody, EligibleWorker, IntakeItem } from '../../../../src/features/accesses/intake.schemas.ts';
import type { AccessStats } from '../../../../src/features/accesses/stats/stats.schemas.ts';
import { api, withQuery, type Query } from '../../platform/api/api-client.ts';

const accessPath = (id: string) => `/accesses/${encodeURIComponent(id)}`;
const intakePath = (id: string) => `/intake/${encodeURIComponent(id)}`;

export type AccessListParams = {
  municipalityCode?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  outcome?: string | undefined;
  unlinked?: 'true' | undefined;
  page?: number;
  pageSize?: number;
};

export const accessesApi = {
  create: (body: z.input<typeof CreateAccessBody>) => api.post<Access>('/accesses', body),
  get: (id: string) => api.get<Access>(accessPath(id)),
  update: (id: string, body: z.input<typeof UpdateAccessBody>) => api.put<Access>(accessPath(id), body),
  link: (id: string, body: z.input<typeof LinkPersonBody>) => api.post<Access>(`${accessPath(id)}/persons`, body),
  list: (params: AccessListParams) => api.get<AccessPage>(withQuery('/accesses', params)),
  ofPerson: (personId: string, purpose?: string) => api.get<Access[]>(`/persons/${encodeURIComponent(personId)}/accesses`, { purpose }),
  intake: (params: { status?: string; mine?: 'true' | undefined }) => api.get<IntakeItem[]>(withQuery('/intake', params)),
  eligibleWorkers: (id: string) => api.get<EligibleWorker[]>(`${intakePath(id)}/eligible-workers`),
  assign: (id: string, body: AssignIntakeBody) => api.post<IntakeItem>(`${intakePath(id)}/assign`, body),
  close: (id: string, body: CloseIntakeBody) => api.post<IntakeItem>(`${intakePath(id)}/close`, body),
  stats: (params: Query) => api.get<AccessStats>(withQuery('/accesses/stats', params)),
  needAreas: () => api.get<NeedArea[]>('/catalogue/need-areas'),
  services: (needArea?: string) => api.get<ServiceSummary[]>(withQuery('/services', { needArea })),
};

let needAreasCache: Promise<NeedArea[]> | undefined;
/** The ISTAT areas of need: reference data, loaded once per page load. */
export function loadNeedAreas(): Promise<NeedArea[]> {
  needAreasCache ??= accessesApi.needAreas().catch((error: unknown) => {
    needAreasCache = undefined;
    throw error;
  });
  return needAreasCache;
}
