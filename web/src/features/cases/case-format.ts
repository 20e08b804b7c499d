import type { CaseStatus } from '../../../../src/features/cases/cases.codes.ts';

/** Badge colour of each case status. */
export const STATUS_COLOR: Record<CaseStatus, string> = {
  open: 'primary',
  assessing: 'info',
  in_charge: 'success',
  suspended: 'warning',
  closed: 'secondary',
};

export const casePath = (id: string) => `/cases/${encodeURIComponent(id)}`;

/** What the "Open case" page needs: a referral (its version, territory, who) or a registered person. */
export type OpenCaseParams =
  | { intakeId: string; version: string; municipalityCode: string; who: string; needAreaCode: string }
  | { personId: string };

export const openCasePath = (params: OpenCaseParams) => `/cases/new?${new URLSearchParams(params).toString()}`;
