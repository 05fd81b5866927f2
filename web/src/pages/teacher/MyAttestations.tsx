import type { PageProps } from "../../app/router.tsx";
import { Page } from "../../ui/Page.tsx";

export default function Placeholder(_props: PageProps) {
  return <Page title="…" />;
}
