import type { z } from 'zod';
import type {
  CreateUserBody,
  GrantInput,
  ProviderOption,
  SetPasswordBody,
  Team,
  TeamInput,
  UpdateUserBody,
  UserView,
} from '../../../../src/features/users/users.schemas.ts';
import { api } from '../../platform/api/api-client.ts';

const userPath = (id: string) => `/users/${encodeURIComponent(id)}`;

export const usersApi = {
  list: () => api.get<UserView[]>('/users'),
  create: (body: z.input<typeof CreateUserBody>) => api.post<UserView>('/users', body),
  update: (id: string, body: z.input<typeof UpdateUserBody>) => api.patch<UserView>(userPath(id), body),
  setPassword: (id: string, body: z.input<typeof SetPasswordBody>) => api.post<{ ok: true }>(`${userPath(id)}/password`, body),
  addGrant: (id: string, body: z.input<typeof GrantInput>) => api.post<UserView>(`${userPath(id)}/grants`, body),
  removeGrant: (id: string, grantId: string) =>
    api.delete<UserView>(`${userPath(id)}/grants/${encodeURIComponent(grantId)}`),
  revokeSessions: (id: string) => api.post<{ ok: true }>(`${userPath(id)}/revoke-sessions`, {}),
  providerOrganisations: () => api.get<ProviderOption[]>('/users/provider-organisations'),
  teams: () => api.get<Team[]>('/teams'),
  createTeam: (body: z.input<typeof TeamInput>) => api.post<Team>('/teams', body),
  updateTeam: (id: string, body: z.input<typeof TeamInput>) => api.put<Team>(`/teams/${encodeURIComponent(id)}`, body),
};
