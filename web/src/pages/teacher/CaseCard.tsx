import type { ComponentChildren } from "preact";
import { formatDate, useT } from "../../i18n/index.ts";
import { StatusBadge } from "../../ui/StatusBadge.tsx";

/** One of the teacher's own applications or attestations in a list: its title linking to it, its status, the day it began. */
export function CaseCard({ link, title, status, createdAt }: { link: string; title: ComponentChildren; status: string; createdAt: string }) {
  const t = useT();
  return (
    <li class="card">
      <h2>
        <a href={link}>{title}</a>
      </h2>
      <p class="meta">
        <StatusBadge status={status} />
        <span>{t("teacher:applications.createdOn", { date: formatDate(createdAt) })}</span>
      </p>
    </li>
  );
}
