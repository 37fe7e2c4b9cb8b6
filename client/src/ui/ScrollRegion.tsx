import type { ReactNode } from 'react';

/**
 * A box that scrolls sideways on a narrow screen (a wide table, a diagram): it takes the keyboard's focus, so a
 * reader without a mouse can scroll it with the arrow keys, and is announced by its label (WCAG 2.1.1).
 */
export function ScrollRegion({ className = 'table-scroll', label, children }: { className?: string; label: string; children: ReactNode }) {
  return (
    <div className={className} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
