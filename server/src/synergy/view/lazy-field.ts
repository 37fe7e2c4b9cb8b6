/**
 * Defines `key` on `target` as computed on first read, then kept: a list page builds each synergy's explanation and
 * impacts only when the document asks for them. The value is what the view would have put there, for the same viewer.
 */
export function lazyField<T extends object, K extends keyof T>(target: T, key: K, compute: () => T[K]): void {
  Object.defineProperty(target, key, {
    configurable: true,
    enumerable: true,
    get() {
      const value = compute();
      Object.defineProperty(target, key, { value, configurable: true, enumerable: true, writable: true });
      return value;
    },
  });
}
