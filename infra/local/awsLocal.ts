// Settings every local AWS client shares. s3rver only accepts requests signed with the access key it was
// built with ("S3RVER"); DynamoDB Local accepts any alphanumeric key (and ignores it with -sharedDb), so
// one dummy pair serves all three emulators.
export const LOCAL_REGION = "us-east-1";
export const LOCAL_ACCOUNT_ID = "000000000000";
export const LOCAL_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } as const;
