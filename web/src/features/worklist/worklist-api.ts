import type { WorklistSection } from '../../../../src/features/worklist/worklist.codes.ts';
import type { WorklistPage, WorklistSummary } from '../../../../src/features/worklist/worklist.schemas.ts';
import { api, withQuery } from '../../platform/api/api-client.ts';

export const worklistApi = {
  summary: () => api.get<WorklistSummary>('/worklist/summary'),
  markSeen: () => api.post<WorklistSummary>('/worklist/seen'),
  page: (section: WorklistSection, offset: number, limit: number) => api.get<WorklistPage>(withQuery(`/worklist/${section}`, { offset, limit })),
};

/** Tells the header counter to read the summary again (after "mark as seen"). */
export const WORKLIST_CHANGED = 'trama:worklist-changed';
