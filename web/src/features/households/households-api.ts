import type { z } from 'zod';
import type {
  AddMemberBody,
  CreateHouseholdBody,
  EndMemberBody,
  HouseholdSaved,
  MoveRequired,
  PersonHousehold,
  RelationshipBody,
  UpdateHouseholdBody,
} from '../../../../src/features/households/households.schemas.ts';
import { api, ApiError } from '../../platform/api/api-client.ts';

const householdPath = (id: string) => `/households/${encodeURIComponent(id)}`;
const memberPath = (id: string, memberId: string) => `${householdPath(id)}/members/${encodeURIComponent(memberId)}`;

export const householdsApi = {
  ofPerson: (personId: string, purpose?: string) => api.get<PersonHousehold>(`/persons/${encodeURIComponent(personId)}/household`, { purpose }),
  create: (body: z.input<typeof CreateHouseholdBody>) => api.post<HouseholdSaved>('/households', body),
  update: (id: string, body: z.input<typeof UpdateHouseholdBody>) => api.put<HouseholdSaved>(householdPath(id), body),
  addMember: (id: string, body: z.input<typeof AddMemberBody>) => api.post<HouseholdSaved>(`${householdPath(id)}/members`, body),
  endMember: (id: string, memberId: string, body: z.input<typeof EndMemberBody>) => api.post<HouseholdSaved>(`${memberPath(id, memberId)}/end`, body),
  changeRelationship: (id: string, memberId: string, body: z.input<typeof RelationshipBody>) => api.patch<HouseholdSaved>(memberPath(id, memberId), body),
};

/** The 409 that asks to confirm a move from another household, with where the person lives now. */
export function moveRequiredOf(error: unknown): MoveRequired | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const data = error.body?.data as Partial<MoveRequired> | undefined;
  return data?.reason === 'moveRequired' ? (data as MoveRequired) : null;
}

