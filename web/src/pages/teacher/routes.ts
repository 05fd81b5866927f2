import type { PageRoute } from "../../app/router.tsx";

export const routes: PageRoute[] = [
  { path: "/me/applications", roles: ["candidate"], load: () => import("./MyApplications.tsx"), nav: { labelKey: "teacher:nav.applications", order: 20 } },
  { path: "/vacancies/:id/apply", roles: ["candidate"], load: () => import("./Apply.tsx") },
  { path: "/applications/:id", roles: ["candidate"], load: () => import("./ApplicationDetail.tsx") },
  { path: "/me/attestations", roles: ["candidate"], load: () => import("./MyAttestations.tsx"), nav: { labelKey: "teacher:nav.attestations", order: 30 } },
  { path: "/attestations/new", roles: ["candidate"], load: () => import("./NewAttestation.tsx") },
  { path: "/attestations/:id", roles: ["candidate"], load: () => import("./AttestationDetail.tsx") },
  { path: "/cases/:caseId/audit", roles: ["candidate", "hr", "admin"], load: () => import("./CaseAudit.tsx") },
];
