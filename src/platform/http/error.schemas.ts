import { z } from 'zod';

/** Every 4xx/5xx body. `message` is Italian, `messageEn` English; `details` helps a person fix the input. */
export const ErrorBody = z.object({
  code: z.string(),
  message: z.string(),
  messageEn: z.string(),
  requestId: z.string(),
  details: z
    .array(z.object({ path: z.string(), message: z.string(), messageEn: z.string() }))
    .optional(),
  /** Extra data some errors carry, e.g. the current version on a 412 or the duplicates on a 409. */
  data: z.unknown().optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
