import type { z } from 'zod';
import type { CaseInterventions, Delivery, DeliveryInput, DeliveryUpdate, ProviderIntervention, ProviderInterventionList } from '../../../../src/features/interventions/interventions.schemas.ts';
import { api, withQuery } from '../../platform/api/api-client.ts';

const providerPath = (id: string) => `/provider/interventions/${encodeURIComponent(id)}`;

export const interventionsApi = {
  ofCase: (caseId: string) => api.get<CaseInterventions>(`/cases/${encodeURIComponent(caseId)}/interventions`),
  mine: (month?: string) => api.get<ProviderInterventionList>(withQuery('/provider/interventions', { month })),
  one: (id: string) => api.get<ProviderIntervention>(providerPath(id)),
  record: (id: string, body: z.input<typeof DeliveryInput>) => api.post<Delivery>(`${providerPath(id)}/deliveries`, body),
  correct: (id: string, deliveryId: string, body: z.input<typeof DeliveryUpdate>) => api.put<Delivery>(`${providerPath(id)}/deliveries/${encodeURIComponent(deliveryId)}`, body),
};
