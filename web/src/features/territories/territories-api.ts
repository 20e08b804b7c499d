import type { z } from 'zod';
import type {
  Area,
  AreaInput,
  ForeignCountry,
  Municipality,
  TerritoryGroup,
  TerritoryGroupInput,
} from '../../../../src/features/territories/territories.schemas.ts';
import { api, withQuery } from '../../platform/api/api-client.ts';

export const territoriesApi = {
  municipalities: (query: { q?: string; codes?: string; limit?: number }, signal?: AbortSignal) =>
    api.get<Municipality[]>(withQuery('/territories/municipalities', query), signal ? { signal } : {}),
  foreignCountries: (q?: string, signal?: AbortSignal) =>
    api.get<ForeignCountry[]>(withQuery('/territories/foreign-countries', { q }), signal ? { signal } : {}),
  groups: () => api.get<TerritoryGroup[]>('/territories/groups'),
  createGroup: (body: z.input<typeof TerritoryGroupInput>) => api.post<TerritoryGroup>('/territories/groups', body),
  updateGroup: (id: string, body: z.input<typeof TerritoryGroupInput>) =>
    api.put<TerritoryGroup>(`/territories/groups/${encodeURIComponent(id)}`, body),
  areas: (municipalityCode?: string) => api.get<Area[]>(withQuery('/territories/areas', { municipalityCode })),
  createArea: (body: z.input<typeof AreaInput>) => api.post<Area>('/territories/areas', body),
};

export function municipalityLabel(m: Pick<Municipality, 'name' | 'provinceCode'>): string {
  return m.provinceCode ? `${m.name} (${m.provinceCode})` : m.name;
}

export function countryName(country: ForeignCountry, language: string): string {
  return language.startsWith('en') ? country.nameEn : country.nameIt;
}
