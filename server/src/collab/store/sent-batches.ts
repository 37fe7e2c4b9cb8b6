/**
 * The batches sent to the durability thread and not answered yet, in the order they were sent (their ids rise), with
 * nothing allocated per batch once its arrays have grown to the most ever in flight.
 *
 * A Map by id did the same, but a Map whose ids only ever rise fills its table with deleted slots and rehashes it
 * every few batches; the Map living long (in the old generation), each new table was allocated there: under typing,
 * about a megabyte a minute of the old generation's growth towards the major GCs that pause relays (sampling heap
 * profile of the collab benchmark's server: `Map.prototype.set`/`delete` in `flush` and `answer`). Answers come
 * nearly always in order: the one answered is found at the front.
 */
export class SentBatches<T> {
  private readonly ids: number[] = [];
  private readonly batches: T[] = [];

  get size(): number {
    return this.ids.length;
  }

  /** `id` must be greater than every id added before. */
  add(id: number, batch: T): void {
    this.ids.push(id);
    this.batches.push(batch);
  }

  /** The batch sent under `id`, removed; undefined when none is (answered already, or sent to a thread since replaced). */
  take(id: number): T | undefined {
    const ids = this.ids;
    const n = ids.length;
    let at = 0;
    while (at < n && ids[at] !== id) at++;
    if (at === n) return undefined;
    const batch = this.batches[at];
    for (let k = at + 1; k < n; k++) {
      ids[k - 1] = ids[k];
      this.batches[k - 1] = this.batches[k];
    }
    ids.length = n - 1;
    this.batches.length = n - 1;
    return batch;
  }

  /** Every batch with its id, in the order sent; then none is left. */
  takeAll(): [number, T][] {
    const all = this.ids.map((id, k): [number, T] => [id, this.batches[k]]);
    this.ids.length = 0;
    this.batches.length = 0;
    return all;
  }
}
