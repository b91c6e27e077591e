/** How long a finished step may wait for its output to flush before it exits anyway. */
export const LINGER_GRACE_MS = 1_000;

/**
 * The verdict is out, but the AWS SDK (3.523) leaves its connection and socket-check timers
 * running after a refused connection (up to requestTimeout + connectionTimeout, 35 s), which
 * would hold the step, or the CLI, open for nothing. An unref'd timer fires only while something
 * else keeps the process alive, so a clean finish still ends on its own with its exit code.
 */
export function exitSoonIfSomethingLingers(): void {
  setTimeout(() => process.exit(), LINGER_GRACE_MS).unref();
}
