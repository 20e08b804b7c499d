import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../demo/demo-territory.ts';
import { passwordMessages, passwordProblem } from './password-policy.ts';

describe('password policy', () => {
  it('refuses the most common passwords, also with digits or a capital added', async () => {
    for (const password of ['password1234', 'qwertyuiop123', 'Password2024!', '123456789012', 'iloveyou1234']) {
      expect(await passwordProblem(password, { username: 'm.rossi' }), password).toEqual(passwordMessages.common);
    }
  });

  it('refuses the username and its obvious variants', async () => {
    for (const password of ['sportello2026', 'Sportello-2026-xyzq!', 'SP0RT3LL0-prima-vera', 'olletrops-casa-mare']) {
      expect(await passwordProblem(password, { username: 'sportello' }), password).toEqual(passwordMessages.username);
    }
  });

  it('refuses the current password as the new one', async () => {
    expect(await passwordProblem('tre-gatti-sul-tetto', { username: 'm.rossi', currentPassword: 'tre-gatti-sul-tetto' })).toEqual(passwordMessages.same);
  });

  it('accepts long, uncommon passwords, the demo password among them', async () => {
    for (const password of [DEMO_PASSWORD, 'tre-gatti-sul-tetto', 'password-sicura-1', 'a-new-long-password']) {
      expect(await passwordProblem(password, { username: 'assistente', currentPassword: 'something-else-entirely' }), password).toBeUndefined();
    }
  });

  it('says in Italian and English what to do instead', () => {
    expect(passwordMessages.common.it).toContain('non sia tra le più comuni');
    expect(passwordMessages.common.en).toContain('not among the most common');
  });
});
