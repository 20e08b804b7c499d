import { getActor } from '../../platform/access/guard.ts';
import { ErrorBody } from '../../platform/http/error.schemas.ts';
import type { App, AppContext } from '../../platform/http/feature.ts';
import { withCaseContent } from '../cases/case-access.ts';
import { INTERVENTION_RECORD } from './interventions.codes.ts';
import { CaseInterventions, Delivery, DeliveryInput, DeliveryParams, DeliveryUpdate, InterventionParams, MonthQuery, ProviderIntervention, ProviderInterventionList } from './interventions.schemas.ts';
import * as service from './interventions.service.ts';
import { INTERVENTION_DELIVER, INTERVENTION_READ } from './permissions.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 412: ErrorBody, 423: ErrorBody };
const tags = ['interventions'];

export function interventionsRoutes(app: App, { database: { db } }: AppContext): void {
  const read = { config: { permission: INTERVENTION_READ } };
  const deliver = { config: { permission: INTERVENTION_DELIVER } };

  app.get(
    '/cases/:id/interventions',
    { ...read, schema: { tags, description: 'The interventions of the case with planned vs delivered per month and their deliveries.', params: InterventionParams, response: { 200: CaseInterventions, ...errors } } },
    async (request) => withCaseContent(db, getActor(request), request.params.id, { action: 'read', recordType: INTERVENTION_RECORD }, (trx) => service.caseInterventions(trx, request.params.id)),
  );

  app.get(
    '/provider/interventions',
    { ...deliver, schema: { tags, description: 'Provider portal: the interventions the user’s organisation delivers, with the month’s planned and delivered.', querystring: MonthQuery, response: { 200: ProviderInterventionList, ...errors } } },
    async (request) => service.providerInterventions(db, getActor(request), request.query.month),
  );
  app.get('/provider/interventions/:id', { ...deliver, schema: { tags, params: InterventionParams, response: { 200: ProviderIntervention, ...errors } } }, async (request) =>
    service.providerIntervention(db, getActor(request), request.params.id),
  );
  app.post('/provider/interventions/:id/deliveries', { ...deliver, schema: { tags, params: InterventionParams, body: DeliveryInput, response: { 200: Delivery, ...errors } } }, async (request) =>
    service.recordDelivery(db, getActor(request), request.params.id, request.body),
  );
  app.put(
    '/provider/interventions/:id/deliveries/:deliveryId',
    { ...deliver, schema: { tags, description: 'Corrects a delivery within the correction days (412 when stale).', params: DeliveryParams, body: DeliveryUpdate, response: { 200: Delivery, ...errors } } },
    async (request) => service.correctDelivery(db, getActor(request), request.params.id, request.params.deliveryId, request.body),
  );
}
