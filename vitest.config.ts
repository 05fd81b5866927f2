import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Integration and e2e files boot DynamoDB Local (a JVM) each; two at a time fits a 2-core machine.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    env: { CDK_VALIDATION: "false", LOG_LEVEL: "warn" },
  },
});
