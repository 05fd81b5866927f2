// Every namespace of one language in one chunk: one request per language on a slow connection.
export default import.meta.glob<Record<string, unknown>>("./en/*.json", { eager: true, import: "default" });
