import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { documentClient, tableName } from "./client.ts";
import type { Key } from "./items.ts";
import type { TransactItem } from "./transactions.ts";

// Writes that need more than a status guard (items.ts updateWhileStatusIn covers that one): counters,
// list appends, nested paths, and conditions on any attribute. Each builder returns a TransactItem, so the
// same write can go into a transaction (commitWithAudit) or alone (writeOne).

/** A condition with its own placeholders; conditions combine with `allOf`. */
export interface Condition {
  expression: string;
  names?: Record<string, string>;
  values?: Record<string, unknown>;
}

let conditionCounter = 0;
/** Placeholders unique within the process, so combined conditions never collide. */
const placeholder = (prefix: string) => `${prefix}${(conditionCounter = (conditionCounter + 1) % 1_000_000)}`;

export const when = {
  exists: (): Condition => ({ expression: "attribute_exists(PK)" }),
  absent: (): Condition => ({ expression: "attribute_not_exists(PK)" }),
  attributeAbsent: (attribute: string): Condition => {
    const name = placeholder("#c");
    return { expression: `attribute_not_exists(${name})`, names: { [name]: attribute } };
  },
  statusIn: (statuses: readonly string[]): Condition => {
    const name = placeholder("#c");
    const values = Object.fromEntries(statuses.map((status) => [placeholder(":c"), status]));
    return { expression: `${name} IN (${Object.keys(values).join(", ")})`, names: { [name]: "status" }, values };
  },
  compare: (attribute: string, operator: "=" | "<>" | "<" | "<=" | ">" | ">=", value: unknown): Condition => {
    const name = placeholder("#c");
    const ref = placeholder(":c");
    return { expression: `${name} ${operator} ${ref}`, names: { [name]: attribute }, values: { [ref]: value } };
  },
  /** The attribute is absent or differs from `value`. */
  absentOrNot: (attribute: string, value: unknown): Condition => {
    const name = placeholder("#c");
    const ref = placeholder(":c");
    return { expression: `attribute_not_exists(${name}) OR ${name} <> ${ref}`, names: { [name]: attribute }, values: { [ref]: value } };
  },
  // AND binds tighter than OR, so only a disjunction needs parentheses (DynamoDB refuses redundant ones).
  allOf: (...conditions: Condition[]): Condition => ({
    expression: conditions.map(({ expression }) => (/\sOR\s/i.test(expression) ? `(${expression})` : expression)).join(" AND "),
    names: Object.assign({}, ...conditions.map((condition) => condition.names ?? {})),
    values: Object.assign({}, ...conditions.map((condition) => condition.values ?? {})),
  }),
};

export interface UpdateSpec {
  /** Attribute (or dotted path into a map, with list indexes: "rounds[0].vote") → new value; undefined values are skipped. */
  set?: Record<string, unknown>;
  remove?: readonly string[];
  /** Attribute → amount added to its current number (negative to subtract). */
  increment?: Record<string, number>;
  /** List attribute (or dotted path) → values appended; the list is created when absent. */
  append?: Record<string, unknown[]>;
  /** Always combined with "the item exists": an update never creates an item by accident. */
  condition?: Condition;
}

/** An Update of `key` as a transaction item; see UpdateSpec. */
export function update(key: Key, spec: UpdateSpec): TransactItem {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const aliases = new Map<string, string>();
  // A segment may end in list indexes ("rounds[2]"): the name is aliased, the indexes stay as they are.
  const path = (dotted: string) =>
    dotted
      .split(".")
      .map((segment) => {
        const [, name = segment, indexes = ""] = /^(.*?)((?:\[\d+\])*)$/.exec(segment) ?? [];
        let alias = aliases.get(name);
        if (!alias) {
          alias = `#u${aliases.size}`;
          aliases.set(name, alias);
          names[alias] = name;
        }
        return `${alias}${indexes}`;
      })
      .join(".");
  const value = (v: unknown) => {
    const ref = `:u${Object.keys(values).length}`;
    values[ref] = v;
    return ref;
  };
  const sets = [
    ...Object.entries(spec.set ?? {})
      .filter(([, v]) => v !== undefined)
      .map(([attribute, v]) => `${path(attribute)} = ${value(v)}`),
    ...Object.entries(spec.increment ?? {}).map(([attribute, amount]) => `${path(attribute)} = ${path(attribute)} + ${value(amount)}`),
    ...Object.entries(spec.append ?? {}).map(
      ([attribute, list]) => `${path(attribute)} = list_append(if_not_exists(${path(attribute)}, ${value([])}), ${value(list)})`,
    ),
  ];
  const removals = (spec.remove ?? []).map(path);
  const condition = spec.condition ? when.allOf(when.exists(), spec.condition) : when.exists();
  const allValues = { ...values, ...condition.values };
  return {
    Update: {
      TableName: tableName(),
      Key: key,
      UpdateExpression: [sets.length ? `SET ${sets.join(", ")}` : "", removals.length ? `REMOVE ${removals.join(", ")}` : ""].join(" ").trim(),
      ConditionExpression: condition.expression,
      ExpressionAttributeNames: { ...names, ...condition.names },
      ...(Object.keys(allValues).length ? { ExpressionAttributeValues: allValues } : {}),
    },
  };
}

/** A Put of a whole item (keys included), by default only when no item has that key yet. */
export function put(item: Record<string, unknown>, condition: Condition | null = when.absent()): TransactItem {
  return {
    Put: {
      TableName: tableName(),
      Item: item,
      ...(condition
        ? {
            ConditionExpression: condition.expression,
            ...(condition.names && Object.keys(condition.names).length ? { ExpressionAttributeNames: condition.names } : {}),
            ...(condition.values && Object.keys(condition.values).length ? { ExpressionAttributeValues: condition.values } : {}),
          }
        : {}),
    },
  };
}

/**
 * Carries out one Put or Update outside a transaction. Returns false when its condition did not hold, which
 * for an idempotent step usually means "already done": the caller decides.
 */
export async function writeOne(item: TransactItem): Promise<boolean> {
  try {
    if (item.Update) await documentClient.send(new UpdateCommand(item.Update));
    else if (item.Put) await documentClient.send(new PutCommand(item.Put));
    else throw new Error("writeOne handles Put and Update only");
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}
