/**
 * Runs the work on each root one at a time, in the order asked, on this instance: a full detection and a flow-change
 * batch of the same root never interleave at their awaits (both load the worker's detector of the root and reconcile
 * its stored synergies). Different roots go on in parallel. Across instances, root-lock.ts does the same.
 */
export class RootQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(root: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(root) ?? Promise.resolve();
    // A failure is its caller's: the next in line runs all the same.
    const next = previous.then(work, work);
    const tail = next.catch(() => {});
    this.tails.set(root, tail);
    void tail.then(() => {
      if (this.tails.get(root) === tail) this.tails.delete(root);
    });
    return next;
  }
}
