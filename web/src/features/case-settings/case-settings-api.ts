import type { z } from 'zod';
import type {
  AssessmentDimension,
  AssessmentDimensionInput,
  CaseSettings,
  CaseSettingsInput,
  LetterTemplate,
  LetterTemplateInput,
  ProcedureType,
  ProcedureTypeInput,
} from '../../../../src/features/case-settings/case-settings.schemas.ts';
import { api, withQuery } from '../../platform/api/api-client.ts';

const base = '/case-settings';
const all = { includeInactive: 'true' };
const id = (value: string) => encodeURIComponent(value);

export const caseSettingsApi = {
  procedureTypes: () => api.get<ProcedureType[]>(withQuery(`${base}/procedure-types`, all)),
  createProcedureType: (body: z.input<typeof ProcedureTypeInput>) => api.post<ProcedureType>(`${base}/procedure-types`, body),
  updateProcedureType: (typeId: string, body: Omit<z.input<typeof ProcedureTypeInput>, 'code'>) =>
    api.put<ProcedureType>(`${base}/procedure-types/${id(typeId)}`, body),
  dimensions: () => api.get<AssessmentDimension[]>(withQuery(`${base}/assessment-dimensions`, all)),
  createDimension: (body: z.input<typeof AssessmentDimensionInput>) => api.post<AssessmentDimension>(`${base}/assessment-dimensions`, body),
  updateDimension: (dimensionId: string, body: Omit<z.input<typeof AssessmentDimensionInput>, 'code'>) =>
    api.put<AssessmentDimension>(`${base}/assessment-dimensions/${id(dimensionId)}`, body),
  letterTemplates: () => api.get<LetterTemplate[]>(withQuery(`${base}/letter-templates`, all)),
  letterTemplate: (templateId: string) => api.get<LetterTemplate>(`${base}/letter-templates/${id(templateId)}`),
  createLetterTemplate: (body: z.input<typeof LetterTemplateInput>) => api.post<LetterTemplate>(`${base}/letter-templates`, body),
  updateLetterTemplate: (templateId: string, body: z.input<typeof LetterTemplateInput>) => api.put<LetterTemplate>(`${base}/letter-templates/${id(templateId)}`, body),
  /** Opened in a new tab: the browser shows the PDF. */
  previewUrl: (templateId: string) => `/api${base}/letter-templates/${id(templateId)}/preview.pdf`,
  settings: () => api.get<CaseSettings>(`${base}/settings`),
  updateSettings: (body: z.input<typeof CaseSettingsInput>) => api.put<CaseSettings>(`${base}/settings`, body),
};
