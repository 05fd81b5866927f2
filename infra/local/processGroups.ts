// Child processes that must not outlive this Node process. A detached child leads its own process group,
// so killing the group (-pid) also reaches anything it forked. Node does not kill children when it exits,
// and a java child that survives keeps its port and its database file, so every way out of the process
// that still runs JavaScript kills the groups first:
// - normal exit, process.exit() and an uncaught exception all emit the synchronous 'exit' event;
// - SIGINT/SIGTERM/SIGHUP skip 'exit'. If nobody else handles the signal, the groups are killed and the
//   signal is raised again so that the process still dies of it; if someone else does (npm start closes
//   the stack gracefully), they are left to them and the 'exit' hook remains the backstop.
// Only SIGKILL of this process escapes; dynamoDbLocal.ts's killOrphan cleans up after that on the next start.
const groups = new Set<number>();
const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
let hooked = false;

function killGroups(signal: NodeJS.Signals): void {
  for (const pid of groups) {
    try {
      process.kill(-pid, signal);
    } catch {
      // Already gone.
    }
  }
  groups.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  if (process.listenerCount(signal) > 1) return;
  killGroups("SIGKILL");
  process.removeListener(signal, onSignal);
  process.kill(process.pid, signal);
}

/** Kills the child's process group when this process goes away; the returned function stops that. */
export function killGroupOnExit(pid: number): () => void {
  if (!hooked) {
    hooked = true;
    process.on("exit", () => killGroups("SIGKILL"));
    for (const signal of signals) process.on(signal, onSignal);
  }
  groups.add(pid);
  return () => groups.delete(pid);
}
