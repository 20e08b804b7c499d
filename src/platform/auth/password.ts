import { hash, verify } from '@node-rs/argon2';
import { WorkGate } from './work-gate.ts';

/** OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane (the library's default algorithm is argon2id). */
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;

/** Every argon2 computation of the process waits here; sized from the config when the app starts. */
const gate = new WorkGate(2, 64);

/** TRAMA_PASSWORD_WORKERS / TRAMA_PASSWORD_QUEUE: one process, one gate (the last app configured wins). */
export function limitPasswordWork(workers: number, queue: number): void {
  gate.resize(workers, queue);
}

export function passwordWorkLoad(): { running: number; waiting: number } {
  return gate.load;
}

export function hashPassword(password: string): Promise<string> {
  return gate.run(() => hash(password, options));
}

/** False for a wrong password or an unreadable hash; throws BUSY (503) when too many checks are waiting. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return gate.run(async () => {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  });
}

/** Verifying against a fixed hash when the user does not exist keeps response times alike (no user enumeration). */
let decoyHash: Promise<string> | undefined;
export async function verifyDecoy(password: string): Promise<false> {
  // A refused hash (BUSY) must not stay cached as a rejected promise.
  decoyHash ??= hashPassword('decoy-password-for-timing').catch((error: unknown) => {
    decoyHash = undefined;
    throw error;
  });
  await verifyPassword(await decoyHash, password);
  return false;
}
