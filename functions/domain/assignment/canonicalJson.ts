import { createHash } from "node:crypto";

// One byte-exact JSON text per value, so that a hash of it can be recomputed by anyone from the same
// data: object keys sorted by UTF-16 code unit (JavaScript's default string order), no whitespace,
// properties whose value is undefined left out (as JSON.stringify does). Values JSON cannot carry
// faithfully (NaN, Infinity, bigint, functions, symbols, cycles, class instances) are refused rather than
// silently changed, because a silently changed input would make a recorded hash impossible to reproduce.
// Arrays keep their order: callers sort arrays whose order carries no meaning before hashing.

export function canonicalJson(value: unknown): string {
  return write(value, new Set());
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

function write(value: unknown, ancestors: Set<object>): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
    case "boolean":
      return JSON.stringify(value);
    case "number":
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} has no JSON form`);
      return JSON.stringify(value);
    case "object":
      break;
    default:
      throw new TypeError(`canonicalJson: a ${typeof value} has no JSON form`);
  }
  if (ancestors.has(value)) throw new TypeError("canonicalJson: cyclic value");
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      // Holes and undefined become null, as in JSON.stringify, so the array length is preserved.
      return `[${Array.from(value, (item) => (item === undefined ? "null" : write(item, ancestors))).join(",")}]`;
    }
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) {
      throw new TypeError("canonicalJson: only plain objects and arrays are supported");
    }
    const record = value as Record<string, unknown>;
    const members = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${write(record[key], ancestors)}`);
    return `{${members.join(",")}}`;
  } finally {
    ancestors.delete(value);
  }
}
