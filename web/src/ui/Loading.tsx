import { useT } from "../i18n/index.ts";

export function Loading({ label }: { label?: string }) {
  const t = useT();
  return (
    <p class="loading" role="status">
      {label ?? t("common:loading")}
    </p>
  );
}
