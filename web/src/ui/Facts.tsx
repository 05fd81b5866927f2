import { Fragment, type ComponentChildren } from "preact";

/** A case's facts as term and value pairs; a row whose value is undefined is left out. */
export function Facts({ rows }: { rows: readonly (readonly [label: string, value: ComponentChildren | undefined])[] }) {
  return (
    <dl class="facts">
      {rows
        .filter(([, value]) => value !== undefined)
        .map(([label, value]) => (
          <Fragment key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
    </dl>
  );
}
