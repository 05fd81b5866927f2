import type { ComponentChildren } from "preact";
import { useT } from "../i18n/index.ts";

export function Button({
  children,
  type = "button",
  variant = "primary",
  busy = false,
  disabled = false,
  onClick,
}: {
  children: ComponentChildren;
  type?: "button" | "submit";
  variant?: "primary" | "secondary" | "danger";
  busy?: boolean;
  disabled?: boolean;
  onClick?: () => void;
}) {
  const t = useT();
  return (
    <button type={type} class={`button ${variant === "primary" ? "" : variant}`.trim()} disabled={disabled || busy} aria-busy={busy || undefined} onClick={onClick}>
      {children}
      {busy && <span class="visually-hidden"> {t("common:loading")}</span>}
    </button>
  );
}
