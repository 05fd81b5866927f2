import type { Criterion, Rubric } from "../../api/types.ts";
import { formatNumber, useLocalized, useT } from "../../i18n/index.ts";
import { Field, FieldSet } from "../../ui/Field.tsx";

export type Claims = Record<string, string | number>;

/**
 * The rubric's questions as a form: one radio group per criterion with options, one number per criterion
 * with a range. The candidate states what they have; the commission checks it against the documents.
 */
export function ClaimsForm({ rubric, claims, errors, onChange }: { rubric: Rubric; claims: Claims; errors: Record<string, string>; onChange: (claims: Claims) => void }) {
  const t = useT();
  const localized = useLocalized();
  const set = (criterion: Criterion, value: string | number | undefined) => {
    const next = { ...claims };
    if (value === undefined) delete next[criterion.id];
    else next[criterion.id] = value;
    onChange(next);
  };
  return (
    <>
      {rubric.criteria.map((criterion) => {
        const error = errors[`claims.${criterion.id}`];
        if (criterion.options) {
          return (
            <FieldSet key={criterion.id} legend={localized(criterion.title)} error={error}>
              {criterion.options.map((option) => {
                const id = `claim-${criterion.id}-${option.id}`;
                return (
                  <div class="choice" key={option.id}>
                    <input type="radio" id={id} name={`claim-${criterion.id}`} checked={claims[criterion.id] === option.id} onChange={() => set(criterion, option.id)} />
                    <label for={id}>
                      {localized(option.label)} <span class="hint">({t("public:rubric.points", { points: formatNumber(option.points) })})</span>
                    </label>
                  </div>
                );
              })}
            </FieldSet>
          );
        }
        const value = claims[criterion.id];
        return (
          <Field
            key={criterion.id}
            label={localized(criterion.title)}
            hint={t("teacher:apply.rangeHint", { min: formatNumber(criterion.min ?? 0), max: formatNumber(criterion.max ?? 0), step: formatNumber(criterion.step ?? 1) })}
            error={error}
          >
            {(props) => (
              <input
                {...props}
                type="number"
                inputMode="decimal"
                min={criterion.min}
                max={criterion.max}
                step={criterion.step ?? "any"}
                value={typeof value === "number" ? String(value) : ""}
                onInput={(e) => {
                  const raw = e.currentTarget.value;
                  set(criterion, raw === "" ? undefined : Number(raw));
                }}
              />
            )}
          </Field>
        );
      })}
    </>
  );
}

/** Criteria left unanswered, as field errors in the API's own words ("missing"). */
export function unanswered(rubric: Rubric, claims: Claims, message: string): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const criterion of rubric.criteria) if (claims[criterion.id] === undefined) errors[`claims.${criterion.id}`] = message;
  return errors;
}
