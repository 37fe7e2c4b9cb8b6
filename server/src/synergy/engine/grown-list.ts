/**
 * `list` with `items` appended, for lists kept with a label or a description (recognitions, exclusions, kinds): an
 * empty list is replaced by `items` itself, a list of their length, where an array grown by push from empty gets
 * room for 17 elements — kept per label, those rooms outlived young-generation collections (preparation's young
 * survivors 15 → 10 MB at 100k flows, with the other lists made at their length). Returns the list to keep.
 */
export function appendedTo<T>(list: T[] | undefined, items: T[]): T[] {
  if (!list || list.length === 0) return items;
  for (let k = 0; k < items.length; k++) list.push(items[k]);
  return list;
}
