import type { z } from 'zod';
import type { AccessLogPage } from '../../../../src/platform/audit/access-log.schemas.ts';
import type {
  CreatePersonBody,
  Person,
  PersonCheckResult,
  PersonHistoryEntry,
  PersonInput,
  PersonSearchResult,
  RegistryStats,
  UpdatePersonBody,
} from '../../../../src/features/registry/registry.schemas.ts';
import { api, withQuery } from '../../platform/api/api-client.ts';

export type PersonInputBody = z.input<typeof PersonInput>;

export type PersonSearchParams = {
  q?: string | undefined;
  fiscalCode?: string | undefined;
  birthDate?: string | undefined;
  municipalityCode?: string | undefined;
  page?: number;
  pageSize?: number;
};

const personPath = (id: string) => `/persons/${encodeURIComponent(id)}`;

export const registryApi = {
  search: (params: PersonSearchParams, signal?: AbortSignal) =>
    api.get<PersonSearchResult>(withQuery('/persons', params), signal ? { signal } : {}),
  check: (person: PersonInputBody, signal?: AbortSignal) =>
    api.post<PersonCheckResult>('/persons/check', person, signal ? { signal } : {}),
  create: (body: z.input<typeof CreatePersonBody>) => api.post<Person>('/persons', body),
  get: (id: string, purpose?: string) => api.get<Person>(personPath(id), { purpose }),
  update: (id: string, body: z.input<typeof UpdatePersonBody>) => api.put<Person>(personPath(id), body),
  history: (id: string, purpose?: string) => api.get<PersonHistoryEntry[]>(`${personPath(id)}/history`, { purpose }),
  accessLog: (id: string, page: number, purpose?: string) =>
    api.get<AccessLogPage>(withQuery(`${personPath(id)}/access-log`, { page, pageSize: 20 }), { purpose }),
  stats: () => api.get<RegistryStats>('/registry/stats'),
};

/** A full Italian fiscal code (16 characters, omocodia letters allowed). */
export const FISCAL_CODE = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-EHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/i;
