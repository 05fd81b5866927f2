// The declared content type of an upload is the client's word; the first bytes are the file's. Only the
// formats the product accepts are recognised, by their published signatures:
//   PDF  "%PDF-"                      (ISO 32000)
//   JPEG FF D8 FF                     (SOI marker followed by the next marker's FF)
//   PNG  89 50 4E 47 0D 0A 1A 0A      (PNG specification, section 5.2)

export type DetectedFileType = "application/pdf" | "image/jpeg" | "image/png";

const signatures: readonly { type: DetectedFileType; bytes: readonly number[] }[] = [
  { type: "application/pdf", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { type: "image/jpeg", bytes: [0xff, 0xd8, 0xff] },
  { type: "image/png", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** The longest signature: how many leading bytes a caller must read for detectFileType. */
export const FILE_SIGNATURE_BYTES = Math.max(...signatures.map(({ bytes }) => bytes.length));

export function detectFileType(firstBytes: Uint8Array): DetectedFileType | undefined {
  return signatures.find(({ bytes }) => bytes.every((byte, index) => firstBytes[index] === byte))?.type;
}
