// The embedded stack's own structured log: one JSON object per line on stderr, so that stdout stays free
// for the human-readable banner of `npm start`. Only ids, codes, counts and durations go in.
export type LogFields = Record<string, unknown>;
export type LogLevel = "info" | "warn" | "error";
export type LocalLog = (level: LogLevel, message: string, fields?: LogFields) => void;

export const stderrLog: LocalLog = (level, message, fields = {}) => {
  process.stderr.write(`${JSON.stringify({ level, time: new Date().toISOString(), message, ...fields })}\n`);
};
