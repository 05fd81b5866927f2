import type { ComponentChildren } from "preact";
import { Button } from "./Button.tsx";
import { ErrorNotice } from "./ErrorNotice.tsx";

/** A form's last row: why the last send failed, if it did, then the one button that sends the form. */
export function SubmitRow({ error, busy, children }: { error: unknown; busy: boolean; children: ComponentChildren }) {
  return (
    <>
      <ErrorNotice error={error} />
      <div class="actions">
        <Button type="submit" busy={busy}>
          {children}
        </Button>
      </div>
    </>
  );
}
