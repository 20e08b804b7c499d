import { expect } from 'vitest';
import type { Client, TestApp } from '../../../test/support/test-app.ts';
import { aCase } from '../cases/cases-test-kit.ts';
import { aContent, aPlan, catalogueIds, saveContent } from '../care-plans/care-plans-test-kit.ts';
import type { PlanVersion } from '../care-plans/care-plans.schemas.ts';
import type { Contribution, PaymentListDetail, PaymentListSummary } from './contributions.schemas.ts';

/** Helpers shared by this feature's integration tests (never imported by the application). */
export const IBAN = 'IT60X0542811101000000123456';

export interface ErrorReply {
  code: string;
  message: string;
  messageEn: string;
  data?: unknown;
}

/** A case of `worker` for the persons with a drafted plan holding one commitment (the pact). */
export async function aCaseWithPlan(t: TestApp, worker: Client, persons: string[]): Promise<{ caseId: string; plan: PlanVersion; commitmentKey: string }> {
  const c = await aCase(worker, persons);
  const plan = await saveContent(worker, await aPlan(worker, c.id), aContent(await catalogueIds(t)));
  return { caseId: c.id, plan, commitmentKey: plan.commitments[0]?.key ?? '' };
}

export function aProposal(personId: string, overrides: Record<string, unknown> = {}) {
  return {
    personId,
    kind: 'monthly',
    amountCents: 15000,
    firstMonth: '2031-01',
    months: 3,
    reason: 'Sostegno al reddito durante la ricerca di lavoro.',
    fundingLine: 'poverty_fund',
    paymentMethod: 'bank_transfer',
    iban: IBAN,
    ...overrides,
  };
}

export async function propose(worker: Client, caseId: string, body: Record<string, unknown>): Promise<Contribution> {
  const reply = await worker.json<Contribution>('POST', `/api/cases/${caseId}/contributions`, body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body;
}

export async function approveAll(member: Client, contributionIds: string[], decision: 'approve' | 'reject' = 'approve') {
  const reply = await member.json<{ id: string; approved: number; paymentLines: number }>('POST', '/api/team-meetings', {
    heldOn: '2026-11-20',
    otherParticipants: 'Dott.ssa Bianchi (Ausl)',
    decisions: contributionIds.map((contributionId) => ({ contributionId, decision, note: 'Approvato in équipe' })),
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body;
}

export async function listOf(clerk: Client, municipalityCode: string, month: string): Promise<PaymentListDetail> {
  const lists = await clerk.json<PaymentListSummary[]>('GET', `/api/payment-lists?municipalityCode=${municipalityCode}&month=${month}`);
  expect(lists.status, JSON.stringify(lists.body)).toBe(200);
  const [summary] = lists.body;
  expect(summary, `list ${municipalityCode} ${month}`).toBeDefined();
  const detail = await clerk.json<PaymentListDetail>('GET', `/api/payment-lists/${summary?.id ?? ''}`);
  expect(detail.status).toBe(200);
  return detail.body;
}

export async function moveList(clerk: Client, list: PaymentListDetail, to: string): Promise<PaymentListDetail> {
  const reply = await clerk.json<PaymentListDetail>('POST', `/api/payment-lists/${list.id}/transition`, { to, version: list.version });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body;
}
