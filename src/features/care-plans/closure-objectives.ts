import type { Db } from '../../platform/db/database.ts';
import type { ClosureObjectives } from './care-plans.schemas.ts';
import './care-plans.tables.ts';

/** The statuses of a version in force, newest first wins; a closed version counts only when none is in force. */
const IN_FORCE = ['agreed', 'active', 'under_review'] as const;

/**
 * The objectives (with their results) a case's closure reports on: those of the plan's current version,
 * the latest agreed / active / under review one, or else the latest closed one. No version ever agreed:
 * no objectives (planVersion null). Imports nothing of the cases feature, so cases may call it at closure.
 */
export async function currentPlanObjectives(trx: Db, caseId: string): Promise<ClosureObjectives> {
  const versions = await trx
    .selectFrom('care_plan')
    .select(['id', 'version_number', 'status'])
    .where('case_id', '=', caseId)
    .where('status', 'in', [...IN_FORCE, 'closed'])
    .orderBy('version_number', 'desc')
    .execute();
  const plan = versions.find((v) => (IN_FORCE as readonly string[]).includes(v.status)) ?? versions[0];
  if (!plan) return { planVersion: null, objectives: [] };
  const objectives = await trx.selectFrom('care_plan_objective').select(['id', 'description']).where('plan_id', '=', plan.id).orderBy('position').execute();
  const results = await trx.selectFrom('care_plan_result').select(['objective_id', 'description', 'indicator', 'target_date']).where('plan_id', '=', plan.id).orderBy('position').execute();
  return {
    planVersion: plan.version_number,
    objectives: objectives.map((o) => ({
      id: o.id,
      description: o.description,
      results: results.filter((r) => r.objective_id === o.id).map((r) => ({ description: r.description, indicator: r.indicator, targetDate: r.target_date })),
    })),
  };
}
