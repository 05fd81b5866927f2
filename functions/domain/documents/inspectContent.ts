// What a PDF may carry besides pages: scripts and actions that a viewer runs or offers to run on opening,
// and files embedded in it. None of that belongs in a diploma or an essay, and the experts who open the
// documents must not be exposed to it, so a PDF naming any of these is refused outright.
//
// The scan reads PDF names (ISO 32000-1 §7.3.5) from the raw bytes: a name is "/" followed by regular
// characters, and "#xx" inside it is a hex-escaped byte, so "/J#61vaScript" is the name JavaScript and is
// found too. It does not inflate compressed streams (objects packed in a FlateDecode object stream stay
// unread): inflating untrusted input is what a decompression bomb attacks, so such PDFs rely on the viewer's
// own hardening. The list errs on the side of refusing.

/** Names whose presence refuses a PDF, each with why. `/OpenAction` alone (open at a page) is harmless. */
const FORBIDDEN_NAMES: ReadonlyMap<string, string> = new Map([
  ["JavaScript", "/JavaScript"],
  ["JS", "/JS"],
  ["Launch", "/Launch"],
  ["EmbeddedFile", "/EmbeddedFile"],
  ["EmbeddedFiles", "/EmbeddedFiles"],
  ["RichMedia", "/RichMedia"],
  ["XFA", "/XFA"],
]);

const SLASH = 0x2f;
const HASH = 0x23;

/** PDF white-space and delimiter characters end a name (ISO 32000-1 §7.2.2). */
function endsName(byte: number): boolean {
  return [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20, 0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25].includes(byte);
}

function hexValue(byte: number | undefined): number | undefined {
  if (byte === undefined) return undefined;
  const value = Number.parseInt(String.fromCharCode(byte), 16);
  return Number.isNaN(value) ? undefined : value;
}

/** Every PDF name in `bytes`, with its #xx escapes decoded. */
function* pdfNames(bytes: Uint8Array): Generator<string> {
  for (let index = 0; index < bytes.length; index++) {
    if (bytes[index] !== SLASH) continue;
    let name = "";
    let next = index + 1;
    for (; next < bytes.length && !endsName(bytes[next]!); next++) {
      const byte = bytes[next]!;
      const high = byte === HASH ? hexValue(bytes[next + 1]) : undefined;
      const low = byte === HASH ? hexValue(bytes[next + 2]) : undefined;
      if (high !== undefined && low !== undefined) {
        name += String.fromCharCode(high * 16 + low);
        next += 2;
      } else {
        name += String.fromCharCode(byte);
      }
    }
    if (name.length > 0) yield name;
    index = next - 1;
  }
}

/**
 * The active or embedded content a PDF names, in the order first found (empty when there is none):
 * e.g. ["/OpenAction", "/JavaScript"] for a document that runs a script when opened.
 */
export function findActiveContent(pdfBytes: Uint8Array): string[] {
  const found = new Set<string>();
  let opensWithAction = false;
  for (const name of pdfNames(pdfBytes)) {
    const forbidden = FORBIDDEN_NAMES.get(name);
    if (forbidden !== undefined) found.add(forbidden);
    if (name === "OpenAction") opensWithAction = true;
  }
  // An /OpenAction matters only when it runs something: then it is reported with what it runs.
  return opensWithAction && found.size > 0 ? ["/OpenAction", ...found] : [...found];
}
