// Structured JSON log lines. Only ids, codes, counts and durations go in: never names, IINs, tokens,
// request bodies or document contents (personal data stays out of logs by construction).
type Fields = Record<string, string | number | boolean | null | undefined>;

type Level = "info" | "warn" | "error";
const rank: Record<Level, number> = { info: 0, warn: 1, error: 2 };
// LOG_LEVEL=warn keeps test runs and quiet local stacks readable; Lambda keeps the default, info.
const threshold = rank[(process.env.LOG_LEVEL as Level | undefined) ?? "info"] ?? 0;

function write(level: Level, message: string, fields: Fields): void {
  if (rank[level] < threshold) return;
  const line = JSON.stringify({ level, time: new Date().toISOString(), message, ...fields });
  if (level === "info") process.stdout.write(`${line}\n`);
  else process.stderr.write(`${line}\n`);
}

export const logger = {
  info: (message: string, fields: Fields = {}) => write("info", message, fields),
  warn: (message: string, fields: Fields = {}) => write("warn", message, fields),
  error: (message: string, fields: Fields = {}) => write("error", message, fields),
};
