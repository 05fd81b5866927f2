import type { Rubric } from "../../../../functions/domain/rubrics/rubric.ts";
import { formatDateTime, formatNumber, useLocalized, useT } from "../../i18n/index.ts";
import { useAnswerText } from "../../ui/answerText.ts";
import { Facts } from "../../ui/Facts.tsx";
import { TableScroll } from "../../ui/TableScroll.tsx";
import { sheetTotal, valuesFromAnswers } from "./scoreSheet.ts";
import type { SealedSheet } from "./types.ts";

/** The expert's own sheet as the API sealed it: read-only, with the fingerprint the audit trail records. */
export function SealedSheetView({ rubric, sheet }: { rubric: Rubric; sheet: SealedSheet }) {
  const t = useT();
  const text = useLocalized();
  const answerText = useAnswerText();
  const { total } = sheetTotal(rubric, valuesFromAnswers(sheet.scores));
  return (
    <section>
      <h2>{t("expert:sheet.sealed.title")}</h2>
      <p>{t("expert:sheet.sealed.submittedAt", { date: formatDateTime(sheet.submittedAt) })}</p>
      <TableScroll label={t("expert:sheet.sealed.title")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("expert:sheet.sealed.criterion")}</th>
              <th scope="col">{t("expert:sheet.sealed.score")}</th>
            </tr>
          </thead>
          <tbody>
            {rubric.criteria.map((criterion) => {
              const score = sheet.scores[criterion.id];
              return (
                <tr key={criterion.id}>
                  <th scope="row">{text(criterion.title)}</th>
                  <td>{score === undefined ? "—" : answerText(criterion, score)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      <p class="notice-title">{t("expert:sheet.sealed.total", { total: formatNumber(total) })}</p>
      {sheet.comment && (
        <>
          <h3>{t("expert:sheet.sealed.comment")}</h3>
          <p>{sheet.comment}</p>
        </>
      )}
      <Facts rows={[[t("expert:sheet.sealed.fingerprint"), <code>{sheet.sha256}</code>]]} />
    </section>
  );
}
