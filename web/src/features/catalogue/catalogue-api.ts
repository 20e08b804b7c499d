import type { z } from 'zod';
import type { ArrangementInput, ServiceMap } from '../../../../src/features/catalogue/arrangements.schemas.ts';
import type {
  Arrangement,
  ImportResult,
  NeedArea,
  ServiceDetail,
  ServiceInput,
  ServiceSummary,
  SiussBenefit,
} from '../../../../src/features/catalogue/catalogue.schemas.ts';
import type { Provider, ProviderDetail, ProviderInput } from '../../../../src/features/catalogue/providers.schemas.ts';
import { api, withQuery } from '../../platform/api/api-client.ts';

const servicePath = (id: string) => `/services/${encodeURIComponent(id)}`;
const arrangementPath = (serviceId: string, municipalityCode: string) =>
  `${servicePath(serviceId)}/arrangements/${encodeURIComponent(municipalityCode)}`;
const providerPath = (id: string) => `/providers/${encodeURIComponent(id)}`;

export type ServiceInputBody = z.input<typeof ServiceInput>;
export type ProviderInputBody = z.input<typeof ProviderInput>;
export type ArrangementInputBody = z.input<typeof ArrangementInput>;

export const catalogueApi = {
  needAreas: () => api.get<NeedArea[]>('/catalogue/need-areas'),
  siussBenefits: () => api.get<SiussBenefit[]>('/catalogue/siuss-benefits'),
  services: (query: { q?: string; needArea?: string; includeInactive?: 'true' }, signal?: AbortSignal) =>
    api.get<ServiceSummary[]>(withQuery('/services', query), signal ? { signal } : {}),
  service: (id: string) => api.get<ServiceDetail>(servicePath(id)),
  createService: (body: ServiceInputBody) => api.post<ServiceDetail>('/services', body),
  updateService: (id: string, body: ServiceInputBody) => api.put<ServiceDetail>(servicePath(id), body),
  setArrangement: (serviceId: string, municipalityCode: string, body: ArrangementInputBody) =>
    api.put<Arrangement>(arrangementPath(serviceId, municipalityCode), body),
  clearArrangement: (serviceId: string, municipalityCode: string) => api.delete<{ ok: true }>(arrangementPath(serviceId, municipalityCode)),
  serviceMap: (needArea?: string) => api.get<ServiceMap>(withQuery('/service-map', { needArea })),
  providers: (includeInactive = false) => api.get<Provider[]>(withQuery('/providers', { includeInactive: includeInactive ? 'true' : undefined })),
  provider: (id: string) => api.get<ProviderDetail>(providerPath(id)),
  myProvider: () => api.get<ProviderDetail>('/providers/mine'),
  createProvider: (body: ProviderInputBody) => api.post<ProviderDetail>('/providers', body),
  updateProvider: (id: string, body: ProviderInputBody) => api.put<ProviderDetail>(providerPath(id), body),
};

export const EXPORT_URL = '/api/services/export.csv';
export type { ImportResult };
