import { useRef, useState } from "preact/hooks";
import { useSchools } from "../../api/reference.ts";
import type { Vacancy } from "../../api/types.ts";
import { href, navigate, useLocation, type PageProps } from "../../app/router.tsx";
import { formatDate, formatNumber, useT } from "../../i18n/index.ts";
import { Field } from "../../ui/Field.tsx";
import { Page } from "../../ui/Page.tsx";
import { PagedList } from "../../ui/PagedList.tsx";
import { StatusBadge } from "../../ui/StatusBadge.tsx";
import { TeachingLanguageOptions } from "../../ui/TeachingLanguageOptions.tsx";
import { usePaged } from "../../ui/usePaged.ts";
import { ClosesIn } from "./ClosesIn.tsx";

// Drafts are never public; "any" lists every other stage, the default lists what one can still apply to.
const STATUS_CHOICES = ["published", "applications_closed", "scoring", "ranked", "offer_pending", "appointed", "not_held", "no_appointment", "cancelled"];
const ANY = "any";

export default function VacancyList(_props: PageProps) {
  const t = useT();
  const { query } = useLocation();
  const { schools, byId } = useSchools();
  const filters = {
    subject: query.get("subject") ?? "",
    language: query.get("language") ?? "",
    schoolId: query.get("schoolId") ?? "",
    status: query.get("status") ?? "published",
  };
  const [subject, setSubject] = useState(filters.subject);
  const paged = usePaged<Vacancy>("/vacancies", {
    subject: filters.subject || undefined,
    language: filters.language || undefined,
    schoolId: filters.schoolId || undefined,
    status: filters.status === ANY ? undefined : filters.status,
  });

  // The API matches a subject exactly: offer the spellings seen so far instead of letting people guess.
  const subjects = useRef(new Set<string>());
  for (const vacancy of paged.items) subjects.current.add(vacancy.subject);

  // Filters live in the address, so a filtered list can be bookmarked, shared and reached with Back.
  const apply = (change: Partial<typeof filters>) => navigate(href("/", {}, { ...filters, ...change }), { replace: true });

  return (
    <Page title={t("public:list.title")}>
      <p class="hint">{t("public:list.intro")}</p>
      <form
        class="filters"
        role="search"
        aria-label={t("public:list.filters")}
        onSubmit={(event) => {
          event.preventDefault();
          apply({ subject: subject.trim() });
        }}
      >
        <Field label={t("public:list.subject")} hint={t("public:list.subjectHint")}>
          {(props) => <input {...props} type="search" list="subjects" value={subject} onInput={(e) => setSubject(e.currentTarget.value)} onBlur={() => subject.trim() !== filters.subject && apply({ subject: subject.trim() })} />}
        </Field>
        <datalist id="subjects">
          {[...subjects.current].sort().map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <Field label={t("public:list.language")}>
          {(props) => (
            <select {...props} value={filters.language} onChange={(e) => apply({ language: e.currentTarget.value })}>
              <option value="">{t("public:list.anyLanguage")}</option>
              <TeachingLanguageOptions />
            </select>
          )}
        </Field>
        <Field label={t("public:list.school")}>
          {(props) => (
            <select {...props} value={filters.schoolId} onChange={(e) => apply({ schoolId: e.currentTarget.value })}>
              <option value="">{t("public:list.anySchool")}</option>
              {schools?.map((school) => (
                <option key={school.id} value={school.id}>
                  {school.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("public:list.status")}>
          {(props) => (
            <select {...props} value={filters.status} onChange={(e) => apply({ status: e.currentTarget.value })}>
              {STATUS_CHOICES.map((status) => (
                <option key={status} value={status}>
                  {t(`common:status.${status}`)}
                </option>
              ))}
              <option value={ANY}>{t("public:list.anyStatus")}</option>
            </select>
          )}
        </Field>
        <button type="submit" class="button secondary">
          {t("public:list.search")}
        </button>
      </form>

      <PagedList paged={paged} empty={t("public:list.empty")}>
        <ul class="cards" aria-label={t("public:list.results")}>
          {paged.items.map((vacancy) => (
            <li key={vacancy.id} class="card">
              <h2>
                <a href={href("/vacancies/:id", { id: vacancy.id })}>{vacancy.title}</a>
              </h2>
              <p class="meta">{byId(vacancy.schoolId)?.name ?? ""}</p>
              <ul class="meta">
                <li>{vacancy.subject}</li>
                <li>{t(`common:teachingLanguage.${vacancy.language}`)}</li>
                <li>{t("public:vacancy.hours", { hours: formatNumber(vacancy.hoursPerWeek) })}</li>
                <li>{t(`common:employment.${vacancy.employment}`)}</li>
              </ul>
              <p class="meta">
                <StatusBadge status={vacancy.status} />
                {vacancy.status === "published" ? <ClosesIn closesAt={vacancy.closesAt} /> : <span>{t("public:vacancy.closedOn", { date: formatDate(vacancy.closesAt) })}</span>}
              </p>
            </li>
          ))}
        </ul>
      </PagedList>
    </Page>
  );
}
