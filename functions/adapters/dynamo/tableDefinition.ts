// The one description of the single table, read by the CDK stack and by the embedded local stack,
// so that both create exactly the same keys and indexes. See docs/data-model.md.
export const tableDefinition = {
  partitionKey: "PK",
  sortKey: "SK",
  globalSecondaryIndexes: [
    { indexName: "GSI1", partitionKey: "GSI1PK", sortKey: "GSI1SK" },
    { indexName: "GSI2", partitionKey: "GSI2PK", sortKey: "GSI2SK" },
  ],
} as const;

export type IndexName = (typeof tableDefinition.globalSecondaryIndexes)[number]["indexName"];
