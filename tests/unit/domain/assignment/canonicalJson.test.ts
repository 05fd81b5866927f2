import { describe, expect, it } from "vitest";
import { canonicalJson, sha256Hex } from "../../../../functions/domain/assignment/canonicalJson.ts";

describe("canonicalJson", () => {
  it("sorts object keys by code unit at every depth and keeps array order", () => {
    expect(canonicalJson({ b: 1, a: { z: [3, 1, 2], y: null }, "é": true, B: "x" })).toBe(
      '{"B":"x","a":{"y":null,"z":[3,1,2]},"b":1,"é":true}',
    );
  });

  it("gives the same text for the same data whatever the insertion order", () => {
    expect(canonicalJson({ x: 1, y: { p: 1, q: 2 } })).toBe(canonicalJson({ y: { q: 2, p: 1 }, x: 1 }));
  });

  it("leaves out undefined properties and writes undefined array items as null, like JSON", () => {
    expect(canonicalJson({ a: undefined, b: [undefined, 1] })).toBe('{"b":[null,1]}');
    expect(canonicalJson(Object.assign(Object.create(null) as object, { k: "v" }))).toBe('{"k":"v"}');
  });

  it("escapes strings as JSON does", () => {
    expect(canonicalJson({ 'q"': "line\nbreak\u0000" })).toBe('{"q\\"":"line\\nbreak\\u0000"}');
  });

  it("refuses values that JSON would change or drop silently", () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson({ a: Number.POSITIVE_INFINITY })).toThrow(TypeError);
    expect(() => canonicalJson(1n)).toThrow(TypeError);
    expect(() => canonicalJson({ when: new Date(0) })).toThrow(TypeError);
    expect(() => canonicalJson(() => 1)).toThrow(TypeError);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(TypeError);
  });

  it("accepts shared (non-cyclic) references", () => {
    const shared = { v: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"v":1},"b":{"v":1}}');
  });
});

describe("sha256Hex", () => {
  it("matches the FIPS 180-2 test vector", () => {
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});
