// The one description of the single table, read by the CDK stack and by the embedded local stack,
// so that both create exactly the same keys and indexes. See docs/data-model.md.
export const tableDefinition = {
  partitionKey: "PK",
  sortKey: "SK",
  globalSecondaryIndexes: [
    { indexName: "GSI1", partitionKey: "GSI1PK", sortKey: "GSI1SK", projection: "ALL" },
    { indexName: "GSI2", partitionKey: "GSI2PK", sortKey: "GSI2SK", projection: "ALL" },
    // Only counted, never listed: an expert's open assignments (sparse, see docs/data-model.md). Keys only,
    // so a count reads a few bytes per open assignment, and no sort key, so nothing needs to keep it in order.
    { indexName: "GSI3", partitionKey: "GSI3PK", projection: "KEYS_ONLY" },
  ],
} as const;

export type IndexName = (typeof tableDefinition.globalSecondaryIndexes)[number]["indexName"];

/** Every storage key attribute: the table's and its indexes'. */
export const keyAttributes: readonly string[] = [
  tableDefinition.partitionKey,
  tableDefinition.sortKey,
  ...tableDefinition.globalSecondaryIndexes.flatMap((index) => ("sortKey" in index ? [index.partitionKey, index.sortKey] : [index.partitionKey])),
];
