/** The coded values of the households feature, shared by its tables, its zod schemas and the web client. */
export const RELATIONSHIPS = [
  'reference_person',
  'spouse',
  'partner',
  'child',
  'parent',
  'sibling',
  'grandchild',
  'grandparent',
  'other_relative',
  'cohabitant',
  'carer',
  'other',
] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];
