/**
 * Limits log-in attempts per e-mail and per client address in a sliding window. Per process: with several
 * instances an attacker gets N times the budget, which still turns a password guess into years (see THREAT_MODEL).
 */
export class LoginThrottle {
  private readonly attempts = new Map<string, number[]>();

  constructor(
    private readonly maxAttempts = 10,
    private readonly windowMs = 15 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records an attempt; false when the key is over its budget. */
  allow(keys: string[]): boolean {
    const t = this.now();
    let allowed = true;
    for (const key of keys) {
      const recent = (this.attempts.get(key) ?? []).filter((at) => t - at < this.windowMs);
      if (recent.length >= this.maxAttempts) allowed = false;
      recent.push(t);
      this.attempts.set(key, recent);
    }
    if (this.attempts.size > 100_000) this.prune(t);
    return allowed;
  }

  /** A successful log-in clears the e-mail's counter, not the address's. */
  reset(key: string): void {
    this.attempts.delete(key);
  }

  private prune(t: number): void {
    for (const [key, times] of this.attempts) {
      if (times.every((at) => t - at >= this.windowMs)) this.attempts.delete(key);
    }
  }
}
