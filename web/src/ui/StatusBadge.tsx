import { useT } from "../i18n/index.ts";

/** A case's status as a coloured, localised label (the colour only repeats what the text says). */
export function StatusBadge({ status }: { status: string }) {
  const t = useT();
  // A status added to the API later reads as its code rather than as a raw catalogue key.
  return <span class={`badge status-${status}`}>{t(`common:status.${status}`, { defaultValue: status })}</span>;
}
