import { z } from 'zod';
import { getActor } from '../../platform/access/guard.ts';
import { ErrorBody } from '../../platform/http/error.schemas.ts';
import type { App, AppContext } from '../../platform/http/feature.ts';
import { CASE_READ, CASE_WRITE } from '../cases/permissions.ts';
import { listCeilings, saveCeiling } from './ceilings.service.ts';
import {
  Ceiling,
  CeilingBody,
  Contribution,
  CorrectionBody,
  CorrectionResult,
  ListTransitionBody,
  MeetingTeam,
  OpenListBody,
  PaymentListDetail,
  PaymentListQuery,
  PaymentListSummary,
  PendingContribution,
  ProposeContributionBody,
  RevokeContributionBody,
  TeamMeetingBody,
  TeamMeetingResult,
} from './contributions.schemas.ts';
import { listContributions, proposeContribution, revokeContribution } from './contributions.service.ts';
import { correctLine, getPaymentList, listPaymentLists, openPaymentList, paymentListCsv, paymentListPdf, transitionPaymentList } from './payment-lists.service.ts';
import { CONTRIBUTION_CONFIGURE, PAYMENT_MANAGE } from './permissions.ts';
import { meetingTeams, pendingContributions, recordTeamMeeting } from './team-meetings.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 412: ErrorBody, 423: ErrorBody };
const CaseParams = z.strictObject({ id: z.uuid() });
const ContributionParams = z.strictObject({ id: z.uuid(), contributionId: z.uuid() });
const ListParams = z.strictObject({ id: z.uuid() });
const LineParams = z.strictObject({ id: z.uuid(), lineId: z.uuid() });
const LangQuery = z.strictObject({ lang: z.enum(['it', 'en']).default('it') });
const MunicipalityParams = z.strictObject({ code: z.string().regex(/^\d{6}$/) });

export function contributionsRoutes(app: App, { database: { db } }: AppContext): void {
  const read = { config: { permission: CASE_READ } };
  const write = { config: { permission: CASE_WRITE } };
  const pay = { config: { permission: PAYMENT_MANAGE } };
  const configure = { config: { permission: CONTRIBUTION_CONFIGURE } };
  let tags = ['contributions'];

  app.get('/cases/:id/contributions', { ...read, schema: { tags, params: CaseParams, response: { 200: z.array(Contribution), ...errors } } }, async (request) =>
    listContributions(db, getActor(request), request.params.id),
  );
  app.post('/cases/:id/contributions', { ...write, schema: { tags, params: CaseParams, body: ProposeContributionBody, response: { 200: Contribution, ...errors } } }, async (request) =>
    proposeContribution(db, getActor(request), request.params.id, request.body),
  );
  app.post(
    '/cases/:id/contributions/:contributionId/revoke',
    { ...write, schema: { tags, params: ContributionParams, body: RevokeContributionBody, response: { 200: Contribution, ...errors } } },
    async (request) => revokeContribution(db, getActor(request), request.params.id, request.params.contributionId, request.body),
  );
  app.get('/contributions/pending', { ...write, schema: { tags, response: { 200: z.array(PendingContribution), ...errors } } }, async (request) => pendingContributions(db, getActor(request)));
  app.get('/team-meetings/teams', { ...write, schema: { tags, response: { 200: z.array(MeetingTeam), ...errors } } }, async (request) => meetingTeams(db, getActor(request)));
  app.post('/team-meetings', { ...write, bodyLimit: 4 * 1024 * 1024, schema: { tags, body: TeamMeetingBody, response: { 200: TeamMeetingResult, ...errors } } }, async (request) =>
    recordTeamMeeting(db, getActor(request), request.body),
  );
  app.get('/contribution-ceilings', { ...configure, schema: { tags, response: { 200: z.array(Ceiling), ...errors } } }, async (request) => listCeilings(db, getActor(request)));
  app.put('/contribution-ceilings/:code', { ...configure, schema: { tags, params: MunicipalityParams, body: CeilingBody, response: { 200: Ceiling, ...errors } } }, async (request) =>
    saveCeiling(db, getActor(request), request.params.code, request.body),
  );

  tags = ['payment-lists'];
  app.get('/payment-lists', { ...pay, schema: { tags, querystring: PaymentListQuery, response: { 200: z.array(PaymentListSummary), ...errors } } }, async (request) =>
    listPaymentLists(db, getActor(request), request.query),
  );
  app.post('/payment-lists', { ...pay, schema: { tags, body: OpenListBody, response: { 200: PaymentListSummary, ...errors } } }, async (request) =>
    openPaymentList(db, getActor(request), request.body),
  );
  app.get('/payment-lists/:id', { ...pay, schema: { tags, params: ListParams, response: { 200: PaymentListDetail, ...errors } } }, async (request) =>
    getPaymentList(db, getActor(request), request.params.id),
  );
  app.post('/payment-lists/:id/transition', { ...pay, schema: { tags, params: ListParams, body: ListTransitionBody, response: { 200: PaymentListDetail, ...errors } } }, async (request) =>
    transitionPaymentList(db, getActor(request), request.params.id, request.body),
  );
  app.post(
    '/payment-lists/:id/lines/:lineId/correction',
    { ...pay, schema: { tags, params: LineParams, body: CorrectionBody, response: { 200: CorrectionResult, ...errors } } },
    async (request) => correctLine(db, getActor(request), request.params.id, request.params.lineId, request.body),
  );
  app.get('/payment-lists/:id/csv', { ...pay, schema: { tags, params: ListParams, querystring: LangQuery } }, async (request, reply) => {
    const { csv, name } = await paymentListCsv(db, getActor(request), request.params.id, request.query.lang);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(csv);
  });
  app.get('/payment-lists/:id/pdf', { ...pay, schema: { tags, params: ListParams, querystring: LangQuery } }, async (request, reply) => {
    const { pdf, name } = await paymentListPdf(db, getActor(request), request.params.id, request.query.lang);
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${name}"`).send(pdf);
  });
}
