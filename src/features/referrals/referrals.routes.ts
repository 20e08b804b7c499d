import { z } from 'zod';
import { getActor } from '../../platform/access/guard.ts';
import { ErrorBody } from '../../platform/http/error.schemas.ts';
import type { App, AppContext } from '../../platform/http/feature.ts';
import { CASE_READ, CASE_WRITE } from '../cases/permissions.ts';
import * as petitions from './petitions.service.ts';
import {
  CreatePetitionBody, CreateReferralBody, Petition, PetitionStatusBody, Referral, ReferralStatusBody, UpdatePetitionBody, UpdateReferralBody,
} from './referrals.schemas.ts';
import * as referrals from './referrals.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 412: ErrorBody, 423: ErrorBody };
const CaseParams = z.strictObject({ id: z.uuid() });
const ReferralParams = z.strictObject({ id: z.uuid(), referralId: z.uuid() });
const PetitionParams = z.strictObject({ id: z.uuid(), petitionId: z.uuid() });
const pdfResponse = { 200: z.unknown().describe('application/pdf'), ...errors };

export function referralsRoutes(app: App, { database: { db } }: AppContext): void {
  const read = { config: { permission: CASE_READ } };
  const write = { config: { permission: CASE_WRITE } };
  let tags = ['referrals'];
  app.get('/cases/:id/referrals', { ...read, schema: { tags, params: CaseParams, response: { 200: z.array(Referral), ...errors } } }, async (request) =>
    referrals.listReferrals(db, getActor(request), request.params.id),
  );
  app.post('/cases/:id/referrals', { ...write, schema: { tags, description: 'A draft referral; documents must be of this case and not withdrawn.', params: CaseParams, body: CreateReferralBody, response: { 200: Referral, ...errors } } }, async (request) =>
    referrals.createReferral(db, getActor(request), request.params.id, request.body),
  );
  app.get('/cases/:id/referrals/:referralId', { ...read, schema: { tags, params: ReferralParams, response: { 200: Referral, ...errors } } }, async (request) =>
    referrals.readReferral(db, getActor(request), request.params.id, request.params.referralId),
  );
  app.put('/cases/:id/referrals/:referralId', { ...write, schema: { tags, description: 'Saves a draft; 412 with the current referral when `version` is stale.', params: ReferralParams, body: UpdateReferralBody, response: { 200: Referral, ...errors } } }, async (request) =>
    referrals.updateReferral(db, getActor(request), request.params.id, request.params.referralId, request.body),
  );
  app.post('/cases/:id/referrals/:referralId/status', { ...write, schema: { tags, description: 'A dated status transition (sent, acknowledged, answered with the answer, refused, withdrawn).', params: ReferralParams, body: ReferralStatusBody, response: { 200: Referral, ...errors } } }, async (request) =>
    referrals.changeReferralStatus(db, getActor(request), request.params.id, request.params.referralId, request.body),
  );
  app.get('/cases/:id/referrals/:referralId/pdf', { ...read, schema: { tags, description: 'The referral letter as a tagged A4 PDF (logged as a print).', params: ReferralParams, response: pdfResponse } }, async (request, reply) => {
    const { pdf } = await referrals.referralPdf(db, getActor(request), request.params.id, request.params.referralId);
    return reply.type('application/pdf').header('content-disposition', 'inline; filename="invio.pdf"').send(pdf);
  });

  tags = ['petitions'];
  app.get('/cases/:id/petitions', { ...read, schema: { tags, params: CaseParams, response: { 200: z.array(Petition), ...errors } } }, async (request) =>
    petitions.listPetitions(db, getActor(request), request.params.id),
  );
  app.post('/cases/:id/petitions', { ...write, schema: { tags, description: 'A draft petition for a support administrator, pre-filled from the case.', params: CaseParams, body: CreatePetitionBody, response: { 200: Petition, ...errors } } }, async (request) =>
    petitions.createPetition(db, getActor(request), request.params.id, request.body),
  );
  app.get('/cases/:id/petitions/:petitionId', { ...read, schema: { tags, params: PetitionParams, response: { 200: Petition, ...errors } } }, async (request) =>
    petitions.readPetition(db, getActor(request), request.params.id, request.params.petitionId),
  );
  app.put('/cases/:id/petitions/:petitionId', { ...write, schema: { tags, description: 'Saves a draft; 412 with the current petition when `version` is stale.', params: PetitionParams, body: UpdatePetitionBody, response: { 200: Petition, ...errors } } }, async (request) =>
    petitions.updatePetition(db, getActor(request), request.params.id, request.params.petitionId, request.body),
  );
  app.post('/cases/:id/petitions/:petitionId/status', { ...write, schema: { tags, description: 'A dated status transition (filed with docket number, hearing scheduled, decided, withdrawn).', params: PetitionParams, body: PetitionStatusBody, response: { 200: Petition, ...errors } } }, async (request) =>
    petitions.changePetitionStatus(db, getActor(request), request.params.id, request.params.petitionId, request.body),
  );
  app.get('/cases/:id/petitions/:petitionId/pdf', { ...read, schema: { tags, description: 'The petition in Italian as a tagged A4 PDF (logged as a print).', params: PetitionParams, response: pdfResponse } }, async (request, reply) => {
    const { pdf } = await petitions.petitionPdf(db, getActor(request), request.params.id, request.params.petitionId);
    return reply.type('application/pdf').header('content-disposition', 'inline; filename="ricorso-amministratore-di-sostegno.pdf"').send(pdf);
  });
}
