import { describe, expect, it } from "vitest";
import { detectFileType, FILE_SIGNATURE_BYTES } from "../../../../functions/domain/documents/detectFileType.ts";

const bytes = (...values: number[]) => Uint8Array.from(values);
const ascii = (text: string) => new TextEncoder().encode(text);

describe("detectFileType", () => {
  it("recognises the real signatures", () => {
    expect(detectFileType(ascii("%PDF-1.7\n%âãÏÓ"))).toBe("application/pdf");
    expect(detectFileType(bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46))).toBe("image/jpeg");
    expect(detectFileType(bytes(0xff, 0xd8, 0xff, 0xe1))).toBe("image/jpeg");
    expect(detectFileType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d))).toBe("image/png");
  });

  it("does not recognise other files, whatever they claim to be", () => {
    expect(detectFileType(ascii("MZ\x90\x00\x03\x00\x00\x00"))).toBeUndefined();
    expect(detectFileType(ascii("not a pdf"))).toBeUndefined();
    expect(detectFileType(ascii(" %PDF-1.7"))).toBeUndefined();
    expect(detectFileType(ascii("%PDF"))).toBeUndefined();
    expect(detectFileType(ascii("GIF89a"))).toBeUndefined();
    expect(detectFileType(bytes(0x50, 0x4b, 0x03, 0x04))).toBeUndefined(); // zip / docx
  });

  it("does not accept truncated signatures", () => {
    expect(detectFileType(bytes())).toBeUndefined();
    expect(detectFileType(bytes(0xff, 0xd8))).toBeUndefined();
    expect(detectFileType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a))).toBeUndefined();
  });

  it("tells callers how many leading bytes to read", () => {
    expect(FILE_SIGNATURE_BYTES).toBe(8);
  });
});
