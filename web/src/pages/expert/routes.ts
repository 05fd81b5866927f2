import type { PageRoute } from "../../app/router.tsx";

export const routes: PageRoute[] = [
  { path: "/expert/assignments", roles: ["expert"], load: () => import("./AssignmentList.tsx"), nav: { labelKey: "expert:nav.assignments", order: 40 } },
  { path: "/expert/assignments/:id", roles: ["expert"], load: () => import("./AssignmentCase.tsx") },
  { path: "/expert/conflicts", roles: ["expert"], load: () => import("./DeclareConflict.tsx"), nav: { labelKey: "expert:nav.conflicts", order: 44 } },
];
