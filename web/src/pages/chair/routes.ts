import type { PageRoute } from "../../app/router.tsx";

// A commission chair is an expert (the seed draws chairs from the district's experts): the nav shows these
// pages to every expert, and the list is simply empty for one who chairs nothing awaiting a vote.
export const routes: PageRoute[] = [
  { path: "/chair/votes", roles: ["expert"], load: () => import("./VoteList.tsx"), nav: { labelKey: "chair:nav.votes", order: 46 } },
  { path: "/chair/votes/:id", roles: ["expert"], load: () => import("./RecordVote.tsx") },
];
