import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './login-throttle.js';

describe('log-in throttle', () => {
  it('blocks an e-mail after its budget of failures, until the window passes', () => {
    let now = 0;
    const throttle = new LoginThrottle({ email: 3, address: 100 }, 1000, () => now);
    for (let i = 0; i < 3; i++) {
      expect(throttle.allows('a@b.fr', '1.2.3.4')).toBe(true);
      throttle.recordFailure('a@b.fr', '1.2.3.4');
    }
    expect(throttle.allows('a@b.fr', '5.6.7.8')).toBe(false);
    expect(throttle.allows('other@b.fr', '1.2.3.4')).toBe(true);
    now = 1001;
    expect(throttle.allows('a@b.fr', '1.2.3.4')).toBe(true);
  });

  it('blocks an address that tries many e-mails', () => {
    const throttle = new LoginThrottle({ email: 100, address: 5 }, 1000, () => 0);
    for (let i = 0; i < 5; i++) throttle.recordFailure(`u${i}@b.fr`, '1.2.3.4');
    expect(throttle.allows('new@b.fr', '1.2.3.4')).toBe(false);
    expect(throttle.allows('new@b.fr', '9.9.9.9')).toBe(true);
  });
});
