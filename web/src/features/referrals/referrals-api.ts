import type { z } from 'zod';
import type {
  CreateReferralBody, Petition, PetitionStatusBody, Referral, ReferralStatusBody, UpdatePetitionBody, UpdateReferralBody,
} from '../../../../src/features/referrals/referrals.schemas.ts';
import { ApiError, api } from '../../platform/api/api-client.ts';

const casePath = (caseId: string) => `/cases/${encodeURIComponent(caseId)}`;
const referralPath = (caseId: string, id: string) => `${casePath(caseId)}/referrals/${encodeURIComponent(id)}`;
const petitionPath = (caseId: string, id: string) => `${casePath(caseId)}/petitions/${encodeURIComponent(id)}`;

export const referralsApi = {
  list: (caseId: string) => api.get<Referral[]>(`${casePath(caseId)}/referrals`),
  get: (caseId: string, id: string) => api.get<Referral>(referralPath(caseId, id)),
  create: (caseId: string, body: z.input<typeof CreateReferralBody>) => api.post<Referral>(`${casePath(caseId)}/referrals`, body),
  update: (caseId: string, id: string, body: z.input<typeof UpdateReferralBody>) => api.put<Referral>(referralPath(caseId, id), body),
  status: (caseId: string, id: string, body: z.input<typeof ReferralStatusBody>) => api.post<Referral>(`${referralPath(caseId, id)}/status`, body),
  pdfUrl: (caseId: string, id: string) => `/api${referralPath(caseId, id)}/pdf`,
};

export const petitionsApi = {
  list: (caseId: string) => api.get<Petition[]>(`${casePath(caseId)}/petitions`),
  get: (caseId: string, id: string) => api.get<Petition>(petitionPath(caseId, id)),
  create: (caseId: string) => api.post<Petition>(`${casePath(caseId)}/petitions`, {}),
  update: (caseId: string, id: string, body: z.input<typeof UpdatePetitionBody>) => api.put<Petition>(petitionPath(caseId, id), body),
  status: (caseId: string, id: string, body: z.input<typeof PetitionStatusBody>) => api.post<Petition>(`${petitionPath(caseId, id)}/status`, body),
  pdfUrl: (caseId: string, id: string) => `/api${petitionPath(caseId, id)}/pdf`,
};

export const referralPagePath = (caseId: string, id: string) => `${casePath(caseId)}/referrals/${encodeURIComponent(id)}`;
export const petitionPagePath = (caseId: string, id: string) => `${casePath(caseId)}/petitions/${encodeURIComponent(id)}`;

/** The record the server holds now, when a save was refused because someone else saved first (412). */
function currentOf(error: unknown): unknown {
  if (!(error instanceof ApiError) || error.status !== 412) return null;
  return (error.body?.data as { current?: unknown } | undefined)?.current ?? null;
}
export const referralConflict = (error: unknown) => currentOf(error) as Referral | null;
export const petitionConflict = (error: unknown) => currentOf(error) as Petition | null;

