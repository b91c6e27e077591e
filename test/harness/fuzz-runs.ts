import fc from 'fast-check';

/**
 * How many generated inputs each fuzz property runs: `FUZZ_RUNS` when set, else the full 10,000
 * in CI (`CI=true`, as GitHub's runners and .ci/run set it) and a quick 500 on a laptop, so a local
 * `npm test` stays fast while CI still runs every parser through 10,000 inputs.
 */
const CI_RUNS = 10_000;
const LOCAL_RUNS = 500;

export function fuzzRuns(env: NodeJS.ProcessEnv): number {
  const raw = env.FUZZ_RUNS?.trim();
  if (raw) {
    const runs = Number(raw);
    if (!Number.isInteger(runs) || runs < 1) {
      throw new Error(`FUZZ_RUNS must be a positive whole number, got '${raw}'`);
    }
    return runs;
  }
  return env.CI === 'true' ? CI_RUNS : LOCAL_RUNS;
}

export const FUZZ_RUNS = fuzzRuns(process.env);

/** `total` split by `shares` (for a parser whose runs are spread over several tests). */
export function shareOf(total: number, share: number): number {
  return Math.max(1, Math.round(total * share));
}

/** How many runs go between two yields to the event loop. */
const YIELD_EVERY = 100;

/**
 * Checks `check` on `numRuns` generated values without holding the test worker's event loop:
 * Vitest's worker RPC answers only between macrotasks and gives up after 60 s ("Timeout calling
 * onTaskUpdate"). A synchronous fast-check loop of 10,000 parser runs took longer than that beside
 * a CPU hog, so every YIELD_EVERY runs this waits one macrotask.
 */
export async function assertFuzz<T>(
  arbitrary: fc.Arbitrary<T>,
  check: (value: T) => void,
  numRuns: number = FUZZ_RUNS,
): Promise<void> {
  let runs = 0;
  await fc.assert(
    fc.asyncProperty(arbitrary, async (value) => {
      runs += 1;
      if (runs % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
      check(value);
    }),
    { numRuns },
  );
}
