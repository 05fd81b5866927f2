import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Integration and e2e files boot DynamoDB Local (a JVM) each; two at a time fits a 2-core machine.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    env: { CDK_VALIDATION: "false", LOG_LEVEL: "warn" },
    projects: [
      {
        extends: true,
        test: { name: "node", include: ["tests/**/*.test.ts"], exclude: [...configDefaults.exclude, "tests/browser/**"], sequence: { groupOrder: 0 } },
      },
      {
        // A browser file runs a JVM, a Chromium and waits on real deadlines: run after the rest, not beside
        // two JVM-heavy files, so that no deadline is missed on a busy machine.
        extends: true,
        test: {
          name: "browser",
          include: ["tests/browser/**/*.test.ts"],
          globalSetup: ["tests/browser/buildWebApp.ts"],
          sequence: { groupOrder: 1 },
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
