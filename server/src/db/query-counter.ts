/**
 * Counts SQL statements sent by MikroORM. Tests use it to prove that a page of results costs a fixed number of
 * queries (no N+1); it is always on because counting is cheaper than a branch on configuration.
 */
let executed = 0;

export const queryCounter = {
  record(): void {
    executed += 1;
  },
  get value(): number {
    return executed;
  },
  /** Runs `fn` and returns how many statements it sent along with its result. */
  async measure<T>(fn: () => Promise<T>): Promise<{ result: T; statements: number }> {
    const before = executed;
    const result = await fn();
    return { result, statements: executed - before };
  },
};
