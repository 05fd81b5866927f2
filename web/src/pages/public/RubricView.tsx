import type { Rubric } from "../../api/types.ts";
import { formatNumber, useLocalized, useT } from "../../i18n/index.ts";

/** The evaluation sheet as candidates read it before applying: each criterion with what earns what. */
export function RubricView({ rubric }: { rubric: Rubric }) {
  const t = useT();
  const localized = useLocalized();
  return (
    <section aria-labelledby="rubric-title">
      <h2 id="rubric-title">{localized(rubric.title)}</h2>
      {!rubric.verified && <p class="notice warn">{t("public:rubric.unverified")}</p>}
      <ol class="criteria">
        {rubric.criteria.map((criterion) => (
          <li key={criterion.id}>
            <h3>{localized(criterion.title)}</h3>
            {criterion.options ? (
              <ul>
                {criterion.options.map((option) => (
                  <li key={option.id}>
                    {localized(option.label)} — {t("public:rubric.points", { points: formatNumber(option.points) })}
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t("public:rubric.range", { min: formatNumber(criterion.min ?? 0), max: formatNumber(criterion.max ?? 0) })}</p>
            )}
          </li>
        ))}
      </ol>
      {rubric.source?.url && (
        <p class="hint">
          {t("public:rubric.source")}{" "}
          <a href={rubric.source.url} target="_blank" rel="noopener noreferrer">
            {rubric.source.title ?? rubric.source.url}
          </a>
        </p>
      )}
    </section>
  );
}
