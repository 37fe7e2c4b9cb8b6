/**
 * Limits failed log-ins in a sliding window: per e-mail (a password guessed slowly) and, with a larger budget, per
 * client address (many e-mails tried from one place; offices share an address behind NAT). A successful log-in
 * costs nothing. Per process: with several instances an attacker gets N times the budget, which still turns a
 * password guess into years (see THREAT_MODEL).
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly budgets = { email: 10, address: 50 },
    private readonly windowMs = 15 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether an attempt for this e-mail from this address may be tried at all. */
  allows(email: string, address: string): boolean {
    return this.recent(`email:${email}`) < this.budgets.email && this.recent(`ip:${address}`) < this.budgets.address;
  }

  recordFailure(email: string, address: string): void {
    const t = this.now();
    for (const key of [`email:${email}`, `ip:${address}`]) {
      this.failures.set(key, [...(this.failures.get(key) ?? []).filter((at) => t - at < this.windowMs), t]);
    }
    if (this.failures.size > 100_000) this.prune(t);
  }

  private recent(key: string): number {
    const t = this.now();
    return (this.failures.get(key) ?? []).filter((at) => t - at < this.windowMs).length;
  }

  private prune(t: number): void {
    for (const [key, times] of this.failures) {
      if (times.every((at) => t - at >= this.windowMs)) this.failures.delete(key);
    }
  }
}
