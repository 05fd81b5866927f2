import type { ComponentChildren } from "preact";
import { useT } from "../i18n/index.ts";
import { Button } from "./Button.tsx";
import { ErrorNotice } from "./ErrorNotice.tsx";
import { Loading } from "./Loading.tsx";
import type { usePaged } from "./usePaged.ts";

type Paged = Pick<ReturnType<typeof usePaged<unknown>>, "items" | "loading" | "error" | "hasMore" | "more" | "reload">;

/**
 * What every paged list of the app shows around its items: the refusal (with a
 * retry), the first load, the sentence for an empty list, and "show more" while the API has more.
 */
export function PagedList({ paged, empty, children }: { paged: Paged; empty: string; children: ComponentChildren }) {
  const t = useT();
  const { items, loading, error, hasMore, more, reload } = paged;
  return (
    <>
      <ErrorNotice error={error} onRetry={reload} />
      {loading && items.length === 0 && <Loading />}
      {!loading && !error && items.length === 0 && <p>{empty}</p>}
      {items.length > 0 && children}
      {hasMore && (
        <p>
          <Button variant="secondary" busy={loading} onClick={more}>
            {t("common:action.loadMore")}
          </Button>
        </p>
      )}
    </>
  );
}
