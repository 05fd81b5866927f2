import type { PageRoute } from "../../app/router.tsx";

export const routes: PageRoute[] = [
  { path: "/hr/vacancies", roles: ["hr"], load: () => import("./VacancyList.tsx"), nav: { labelKey: "hr:nav.vacancies", order: 50 } },
  { path: "/hr/vacancies/new", roles: ["hr"], load: () => import("./CreateVacancy.tsx") },
  { path: "/hr/vacancies/:id", roles: ["hr"], load: () => import("./VacancyCase.tsx") },
  { path: "/hr/approvals", roles: ["hr"], load: () => import("./Approvals.tsx"), nav: { labelKey: "hr:nav.approvals", order: 52 } },
  { path: "/hr/cases/:caseId/audit", roles: ["hr"], load: () => import("./AuditTrail.tsx") },
];
