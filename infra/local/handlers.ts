import { randomUUID } from "node:crypto";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Context } from "aws-lambda";
import { LOCAL_ACCOUNT_ID, LOCAL_REGION } from "./awsLocal.ts";

const functionsDir = fileURLToPath(new URL("../../functions/", import.meta.url));

// Handlers take AWS event shapes the caller builds; the loader cannot know which one a module expects.
export type LambdaHandler = (event: any, context: Context) => Promise<unknown>;
export type HandlerLoader = (modulePath: string) => Promise<LambdaHandler>;

/** Runs one handler call (`invoke`) of `modulePath`, e.g. to time it; must return what `invoke` returns. */
export type InvocationWrapper = (modulePath: string, invoke: () => Promise<unknown>) => Promise<unknown>;
let invocationWrapper: InvocationWrapper | undefined;

/**
 * Measurement hook for the benchmarks (bench/meters.ts counts Lambda invocations, their durations and what
 * each one sends to DynamoDB and S3 with it); nothing else sets it, and unset it costs one check per call.
 */
export function wrapInvocations(wrapper: InvocationWrapper | undefined): void {
  invocationWrapper = wrapper;
}

function observed(modulePath: string, handler: LambdaHandler): LambdaHandler {
  return (event, context) => {
    const wrapper = invocationWrapper;
    return wrapper ? wrapper(modulePath, () => handler(event, context)) : handler(event, context);
  };
}

/**
 * Imports `functions/<modulePath>.ts` on first use and returns its `handler` export. Importing lazily
 * means a module that is missing or broken fails only the calls that need it, and that the SDK clients a
 * module creates at load time see the environment the local stack has set by then. A failed import is
 * not remembered, so a module written while the stack runs is picked up by the next call.
 */
export function createHandlerLoader(): HandlerLoader {
  const cache = new Map<string, Promise<LambdaHandler>>();
  return (modulePath) => {
    const cached = cache.get(modulePath);
    if (cached) return cached;
    const loading = import(pathToFileURL(resolve(functionsDir, `${modulePath}.ts`)).href).then((module: { handler?: unknown }) => {
      if (typeof module.handler !== "function") throw new Error(`functions/${modulePath}.ts has no handler export`);
      return observed(modulePath, module.handler as LambdaHandler);
    });
    cache.set(modulePath, loading);
    loading.catch(() => cache.delete(modulePath));
    return loading;
  };
}

/** The Lambda context an in-process handler receives; the deadline is the function's timeout. */
export function lambdaContext(functionName: string, timeoutMs: number): Context {
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: "$LATEST",
    invokedFunctionArn: `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:function:${functionName}`,
    memoryLimitInMB: "1024",
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: "local",
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
