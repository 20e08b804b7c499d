import { z } from 'zod';
import { ErrorBody } from '../http/error.schemas.ts';
import type { App } from '../http/feature.ts';
import { readability } from './gulpease.ts';

const ReadabilityInput = z.strictObject({ text: z.string().max(100_000) });

const Readability = z.object({
  index: z.number().nullable(),
  band: z.enum(['easy', 'fairly_easy', 'hard', 'very_hard']).nullable(),
  warning: z.boolean(),
  counts: z.object({ sentences: z.number().int(), words: z.number().int(), letters: z.number().int() }),
  longestSentences: z.array(z.object({ text: z.string(), words: z.number().int(), letters: z.number().int() })),
});
export type ReadabilityResult = z.infer<typeof Readability>;

/** The Gulpease index of an Italian text, for writers of letters, minutes and plans. No data is stored. */
export function readabilityRoutes(app: App): void {
  app.post(
    '/readability',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['documents'],
        description: 'Gulpease readability index (0–100) of Italian text, its band, counts and the longest sentences; warning under 60.',
        body: ReadabilityInput,
        response: { 200: Readability, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 423: ErrorBody },
      },
    },
    async (request) => readability(request.body.text),
  );
}
