import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import { inScope } from '../../platform/access/scope.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import { caseAccessLevel, caseNotFound, caseScopes } from './case-access.ts';
import { readFullCase } from './case-detail.ts';
import { BREAK_GLASS_MINUTES } from './cases.codes.ts';
import type { BreakGlassBody, BreakGlassGrant, CaseDetail } from './cases.schemas.ts';

/**
 * Break the glass: a social worker of the territory who only sees that the case exists states a reason
 * and reads it for BREAK_GLASS_MINUTES. The grant is the event the manager is shown; the read is logged
 * with the reason as its purpose.
 */
export async function breakGlass(db: Db, actor: Actor, caseId: string, body: BreakGlassBody): Promise<CaseDetail> {
  return db.transaction().execute(async (trx) => {
    const { level, record } = await caseAccessLevel(trx, actor, caseId);
    if (level === 'none' || !record) throw caseNotFound();
    const readScope = caseScopes(actor).read;
    const covered = await trx.selectFrom('case_record as c').select('c.id').where('c.id', '=', caseId).where(inScope(readScope, 'c.municipality_code', 'c.area_id')).executeTakeFirst();
    if (!covered) throw caseNotFound();
    if (level === 'full') {
      throw new AppError('CONFLICT', { message: { it: 'Si ha già accesso a questo caso.', en: 'You already have access to this case.' } });
    }
    await trx
      .insertInto('case_access_grant')
      .values({ case_id: caseId, user_id: actor.userId, reason: body.reason, municipality_code: record.municipality_code, expires_at: sql`trama_now() + make_interval(mins => ${BREAK_GLASS_MINUTES})` })
      .execute();
    return readFullCase(trx, { ...actor, purpose: `Accesso in emergenza / Break the glass: ${body.reason}` }, caseId, 'read');
  });
}

/** The break-the-glass events of the manager's territory, most recent first. */
export async function breakGlassEvents(db: Db, actor: Actor): Promise<BreakGlassGrant[]> {
  const rows = await db
    .selectFrom('case_access_grant as g')
    .innerJoin('case_record as c', 'c.id', 'g.case_id')
    .innerJoin('app_user as u', 'u.id', 'g.user_id')
    .select(['g.id', 'g.case_id', 'c.reference', 'g.user_id', 'u.display_name', 'g.reason', 'g.granted_at', 'g.expires_at'])
    .where(inScope(caseScopes(actor).manage, 'c.municipality_code', 'c.area_id'))
    .orderBy('g.granted_at', 'desc')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    reference: r.reference,
    user: { id: r.user_id, displayName: r.display_name },
    reason: r.reason,
    grantedAt: r.granted_at,
    expiresAt: r.expires_at,
  }));
}
