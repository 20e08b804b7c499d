/** Where the assessment and meeting pages live in the web app. */
export const assessmentPath = (caseId: string, id: string, part?: 'preliminary' | 'in-depth') =>
  `/cases/${encodeURIComponent(caseId)}/assessments/${encodeURIComponent(id)}${part ? `/${part}` : ''}`;
export const meetingPath = (caseId: string, id?: string, edit = false) =>
  `/cases/${encodeURIComponent(caseId)}/meetings/${id ? `${encodeURIComponent(id)}${edit ? '/edit' : ''}` : 'new'}`;
export const casePath = (caseId: string) => `/cases/${encodeURIComponent(caseId)}`;
