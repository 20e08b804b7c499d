import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Contribution } from './contributions.schemas.ts';
import './contributions.tables.ts';
import '../care-plans/care-plans.tables.ts';
import '../registry/registry.tables.ts';
import '../users/users.tables.ts';

const month = (day: string) => day.slice(0, 7);

/** Contributions with their beneficiary, plan version, proposer, decision and override reasons. */
export function contributionQuery(trx: Db) {
  return trx
    .selectFrom('contribution as k')
    .innerJoin('person as p', 'p.id', 'k.person_id')
    .innerJoin('care_plan as cp', 'cp.id', 'k.plan_id')
    .innerJoin('app_user as u', 'u.id', 'k.proposed_by')
    .leftJoin('team_meeting_decision as d', 'd.id', 'k.decision_id')
    .leftJoin('team_meeting as m', 'm.id', 'd.meeting_id')
    .leftJoin('app_user as du', 'du.id', 'd.decided_by')
    .select([
      'k.id',
      'k.case_id',
      'k.plan_id',
      'cp.version_number',
      'k.item_key',
      'k.person_id',
      sql<string>`p.given_name || ' ' || p.family_name`.as('person_name'),
      'k.kind',
      'k.amount_cents',
      sql<string>`to_char(k.first_month, 'YYYY-MM-DD')`.as('first_month'),
      'k.months',
      'k.reason',
      'k.commitment_keys',
      // The pact commitments the contribution is linked to, as the plan version it was proposed in words them.
      sql<{ key: string; commitment: string }[]>`coalesce((SELECT json_agg(json_build_object('key', c.item_key, 'commitment', c.commitment) ORDER BY c.position)
        FROM care_plan_commitment c WHERE c.plan_id = k.plan_id AND c.item_key = ANY(k.commitment_keys)), '[]'::json)`.as('commitments'),
      'k.funding_line',
      'k.payment_method',
      'k.iban',
      'k.status',
      'k.proposed_by',
      'u.display_name as proposed_by_name',
      sql<string>`to_char(k.proposed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`.as('proposed_at'),
      'd.decision',
      'd.note as decision_note',
      sql<string | null>`to_char(m.held_on, 'YYYY-MM-DD')`.as('held_on'),
      'd.decided_by',
      'du.display_name as decided_by_name',
      sql<string[]>`coalesce((SELECT array_agg(o.reason ORDER BY o.overridden_at) FROM contribution_override o WHERE o.contribution_id = k.id), '{}')`.as('override_reasons'),
      'k.revoke_reason',
      'k.version',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof contributionQuery>['executeTakeFirstOrThrow']>>;

export function toContribution(row: Row): Contribution {
  return {
    id: row.id,
    caseId: row.case_id,
    planId: row.plan_id,
    planVersionNumber: row.version_number,
    itemKey: row.item_key,
    personId: row.person_id,
    personName: row.person_name,
    kind: row.kind,
    amountCents: row.amount_cents,
    firstMonth: month(row.first_month),
    months: row.months,
    totalCents: row.amount_cents * row.months,
    reason: row.reason,
    commitmentKeys: row.commitment_keys,
    commitments: row.commitments,
    fundingLine: row.funding_line,
    paymentMethod: row.payment_method,
    iban: row.iban,
    status: row.status,
    proposedBy: { id: row.proposed_by, displayName: row.proposed_by_name },
    proposedAt: row.proposed_at,
    decision:
      row.decision && row.decided_by
        ? { decision: row.decision, note: row.decision_note ?? '', heldOn: row.held_on ?? '', decidedBy: { id: row.decided_by, displayName: row.decided_by_name ?? '' } }
        : null,
    overrideReasons: row.override_reasons,
    revokeReason: row.revoke_reason,
    version: row.version,
  };
}
