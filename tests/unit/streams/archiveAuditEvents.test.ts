// The stream consumer's edge: parsing, unmarshalling, and which records it reports as failed. The S3
// write is replaced; what it sends is checked against the pure archive decision.
import { marshall } from "@aws-sdk/util-dynamodb";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { nextAuditEvent } from "../../../functions/domain/audit/auditChain.ts";

const putArchivedEvent = vi.fn<(key: string, body: string) => Promise<"written" | "already_archived">>();
vi.mock("../../../functions/adapters/s3/auditArchive.ts", () => ({ putArchivedEvent: (key: string, body: string) => putArchivedEvent(key, body) }));
const { handler } = await import("../../../functions/streams/archiveAuditEvents.ts");

const event = nextAuditEvent(undefined, { caseId: "c1", at: "2026-01-01T00:00:00Z", actor: "u1", action: "vacancy.created", data: {} });
const keys = { PK: "CASE#c1", SK: "AUDIT#0000000001" };
const record = (sequenceNumber: string, eventName: string, image?: Record<string, unknown>, recordKeys: Record<string, unknown> = keys) => ({
  eventName,
  dynamodb: { SequenceNumber: sequenceNumber, Keys: marshall(recordKeys), ...(image ? { NewImage: marshall(image) } : {}) },
});
const auditInsert = (sequenceNumber: string) => record(sequenceNumber, "INSERT", { ...keys, type: "audit", ...event });

describe("the audit archive stream consumer", () => {
  beforeEach(() => {
    putArchivedEvent.mockReset();
    putArchivedEvent.mockResolvedValue("written");
  });

  it("archives inserted audit events and skips everything else", async () => {
    const result = await handler({
      Records: [auditInsert("1"), record("2", "INSERT", { PK: "VACANCY#v", SK: "VACANCY" }, { PK: "VACANCY#v", SK: "VACANCY" }), record("3", "REMOVE", undefined)],
    });
    expect(result).toEqual({ batchItemFailures: [] });
    expect(putArchivedEvent).toHaveBeenCalledTimes(1);
    expect(putArchivedEvent.mock.calls[0]![0]).toBe("audit/c1/0000000001.json");
    expect(JSON.parse(putArchivedEvent.mock.calls[0]![1])).toEqual(event);
  });

  it("counts an event found already archived as done", async () => {
    putArchivedEvent.mockResolvedValue("already_archived");
    expect(await handler({ Records: [auditInsert("1")] })).toEqual({ batchItemFailures: [] });
  });

  it("reports the first failed record and those after it, and attempts none after it", async () => {
    putArchivedEvent.mockResolvedValueOnce("written").mockRejectedValueOnce(new Error("throttled"));
    const result = await handler({ Records: [auditInsert("1"), auditInsert("2"), auditInsert("3")] });
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: "2" }, { itemIdentifier: "3" }] });
    expect(putArchivedEvent).toHaveBeenCalledTimes(2);
  });

  it("fails a malformed audit record by its sequence number, and the whole batch when it has none", async () => {
    const malformed = record("7", "INSERT", { ...keys, type: "audit", ...event, hash: 42 });
    expect(await handler({ Records: [malformed] })).toEqual({ batchItemFailures: [{ itemIdentifier: "7" }] });
    expect(await handler({ Records: [{ eventName: "BOGUS", dynamodb: { SequenceNumber: "8", Keys: {} } }] })).toEqual({ batchItemFailures: [{ itemIdentifier: "8" }] });
    await expect(handler({ Records: [{ eventName: "INSERT", dynamodb: {} }] })).rejects.toThrow();
    await expect(handler({})).rejects.toThrow();
    expect(putArchivedEvent).not.toHaveBeenCalled();
  });
});
