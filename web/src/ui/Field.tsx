import type { ComponentChildren } from "preact";
import { useId } from "preact/hooks";

export type ControlProps = { id: string; "aria-describedby"?: string; "aria-invalid"?: true };

/**
 * A label, its control, a hint and an error, wired together: the control gets the id the label points at
 * and is described by the hint and the error, so screen readers read them with it.
 */
export function Field({
  label,
  hint,
  error,
  children,
}: {
  label: ComponentChildren;
  hint?: ComponentChildren;
  error?: string | undefined;
  children: (props: ControlProps) => ComponentChildren;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div class={error ? "field invalid" : "field"}>
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={hintId}>
          {hint}
        </p>
      )}
      {children({ id, ...(describedBy ? { "aria-describedby": describedBy } : {}), ...(error ? { "aria-invalid": true as const } : {}) })}
      {error && (
        <p class="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}

/** A group of radio buttons or checkboxes: a fieldset whose legend labels it. */
export function FieldSet({ legend, hint, error, children }: { legend: ComponentChildren; hint?: ComponentChildren; error?: string | undefined; children: ComponentChildren }) {
  const id = useId();
  return (
    <fieldset class={error ? "field invalid" : "field"} aria-describedby={[hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined}>
      <legend>{legend}</legend>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
