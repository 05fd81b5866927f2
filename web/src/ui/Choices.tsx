import type { ComponentChildren } from "preact";
import { useId } from "preact/hooks";
import { FieldSet } from "./Field.tsx";

/** One choice among a few, as radio buttons under a legend (the expert's, HR and chair forms). */
export function Choices<V extends string>({
  legend,
  hint,
  error,
  options,
  value,
  onChange,
}: {
  legend: ComponentChildren;
  hint?: ComponentChildren;
  error?: string | undefined;
  options: readonly { value: V; label: ComponentChildren }[];
  value: V | "";
  onChange: (value: V) => void;
}) {
  const name = useId();
  return (
    <FieldSet legend={legend} hint={hint} error={error}>
      {options.map((option) => (
        <div class="choice" key={option.value}>
          <input type="radio" id={`${name}-${option.value}`} name={name} checked={value === option.value} onChange={() => onChange(option.value)} />
          <label for={`${name}-${option.value}`}>{option.label}</label>
        </div>
      ))}
    </FieldSet>
  );
}
