import type { PageRoute } from "../../app/router.tsx";

export const routes: PageRoute[] = [
  { path: "/", load: () => import("./VacancyList.tsx"), nav: { labelKey: "public:nav.vacancies", order: 10 } },
  { path: "/vacancies/:id", load: () => import("./VacancyDetail.tsx") },
  { path: "/vacancies/:id/results", load: () => import("./VacancyResults.tsx") },
];
