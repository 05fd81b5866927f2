import type { ComponentChildren } from "preact";

/** A table that may scroll sideways on a phone: focusable and named, so keyboard users can scroll it too. */
export function TableScroll({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
