import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import type { Bilingual } from '../http/errors.ts';
import { invalid } from '../http/errors.ts';

/**
 * What a new password must not be: one of the passwords people use most (zxcvbn-ts with its shipped
 * list of common passwords, keyboard patterns, dates and repetitions: an estimate of at least 10^8
 * guesses, zxcvbn's score 3), the username or a variant of it, or the password being replaced.
 * Length (12 to 200) is the schemas' job.
 */

let factory: ZxcvbnFactory | undefined;
// Built on first use: ranking the dictionaries takes a moment that the server's start need not pay.
const estimator = () => (factory ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs }));

/** Lower case, the usual digit-for-letter swaps undone, separators dropped: "Adm1n.2026" → "admin2026". */
function folded(text: string): string {
  const swaps: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };
  return text
    .toLowerCase()
    .replace(/./gu, (c) => swaps[c] ?? c)
    .replace(/[^a-z0-9àèéìòù]/g, '');
}

export const passwordMessages = {
  common: {
    it: 'Scegli una password che non sia tra le più comuni né facile da indovinare (niente parole note seguite da numeri, sequenze della tastiera o date): per esempio tre o quattro parole a caso unite da trattini.',
    en: 'Choose a password that is not among the most common ones nor easy to guess (no well-known words followed by digits, keyboard sequences or dates): for example three or four random words joined by dashes.',
  },
  username: {
    it: 'La password non deve contenere il nome utente, nemmeno al contrario o con cifre al posto delle lettere: scegline una che non abbia a che fare con te.',
    en: 'The password must not contain the username, not even reversed or with digits in place of letters: choose one unrelated to you.',
  },
  same: {
    it: 'La nuova password deve essere diversa da quella attuale.',
    en: 'The new password must be different from the current one.',
  },
} satisfies Record<string, Bilingual>;

export interface PasswordContext {
  username: string;
  /** When the user changes their own password: the one being replaced. */
  currentPassword?: string;
}

/** The reason a password is refused, or undefined when it is acceptable. */
export async function passwordProblem(password: string, context: PasswordContext): Promise<Bilingual | undefined> {
  if (context.currentPassword !== undefined && password === context.currentPassword) return passwordMessages.same;
  const name = folded(context.username);
  const plain = folded(password);
  let reversed = '';
  for (const c of name) reversed = c + reversed;
  if (name.length >= 3 && (plain.includes(name) || plain.includes(reversed))) return passwordMessages.username;
  const result = await estimator().checkAsync(password, [context.username]);
  if (result.sequence.some((match) => 'dictionaryName' in match && match.dictionaryName === 'userInputs')) return passwordMessages.username;
  if (result.score < 3) return passwordMessages.common;
  return undefined;
}

/** Throws a 400 on `field` with the reason, for the services that set passwords. */
export async function assertAcceptablePassword(field: string, password: string, context: PasswordContext): Promise<void> {
  const problem = await passwordProblem(password, context);
  if (problem) throw invalid(field, problem);
}
