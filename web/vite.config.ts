import preact from "@preact/preset-vite";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));

// The app lives under web/ but imports the API's zod schemas and pure rules from functions/, so those
// files are bundled too (they carry no AWS imports). `API_ORIGIN` lets `vite preview`/`vite` proxy API
// calls to a running local stack; the built app always calls its own origin.
const apiOrigin = process.env.API_ORIGIN;
const apiPrefixes = ["/auth", "/me", "/schools", "/rubrics", "/vacancies", "/applications", "/assignments", "/approvals", "/attestations", "/cases", "/commissions", "/health"];
const proxy = apiOrigin ? Object.fromEntries(apiPrefixes.map((prefix) => [prefix, { target: apiOrigin, changeOrigin: true }])) : undefined;

export default defineConfig({
  root,
  base: "./",
  plugins: [preact()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    reportCompressedSize: false,
  },
  server: { proxy },
  preview: { proxy },
});
