import { isTransientAwsError } from './aws.js';
import { type Clock, realSleep, type Sleep, systemClock } from './clock.js';
import { formatDuration } from './duration.js';
import { errorLine } from './errors.js';
import type { Logger } from './log.js';

/**
 * The one polling loop of the suite. Every wait has a deadline, an interval, a cap on how long
 * transient faults are tolerated, an abort signal, and a progress line at most once a minute
 * that says what it is waiting for and the last state seen.
 */
export interface WaitOptions<T> {
  /** What is awaited, for logs: "experiment EXP1 to end". */
  what: string;
  poll: (signal: AbortSignal | undefined) => Promise<T>;
  done: (value: T) => boolean;
  /** The state seen, for progress lines and timeout messages. */
  describe: (value: T) => string;
  intervalMs: number;
  timeoutMs: number;
  log: Logger;
  clock?: Clock;
  sleep?: Sleep;
  signal?: AbortSignal;
  /** Called with every successful poll, before done() is checked. */
  onValue?: (value: T) => void;
  progressEveryMs?: number;
  /** Consecutive transient failures tolerated before the wait gives up with the cause. */
  maxTransientFailures?: number;
  /** Upper bound of one backoff sleep after a transient failure. */
  maxBackoffMs?: number;
  random?: () => number;
  isTransient?: (error: unknown) => boolean;
}

export type WaitResult<T> =
  | { status: 'done'; value: T; polls: number }
  /** `unanswered`: the poll the deadline cut short, and why (its error), when one was in flight. */
  | { status: 'timeout'; last: T | undefined; polls: number; unanswered?: string }
  | { status: 'aborted'; last: T | undefined; polls: number; reason: unknown };

export const PROGRESS_EVERY_MS = 60_000;
export const DEFAULT_MAX_TRANSIENT_FAILURES = 8;
const BACKOFF_BASE_MS = 1_000;
const DEFAULT_MAX_BACKOFF_MS = 30_000;

/** Raised when transient faults outlast the tolerance: carries the last cause. */
export class WaitFailedError extends Error {
  override readonly name = 'WaitFailedError';
  constructor(
    message: string,
    override readonly cause: unknown,
  ) {
    super(message);
  }
}

/** Full jitter: a random sleep between 0 and the capped exponential step. */
export function fullJitterBackoffMs(attempt: number, maxMs: number, random: () => number): number {
  const ceiling = Math.min(maxMs, BACKOFF_BASE_MS * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

/** The reason a poll's signal carries when the wait's deadline cut it short. */
export class DeadlineExceededError extends Error {
  override readonly name = 'DeadlineExceededError';
}

/**
 * A signal that aborts `ms` from now (real time, the only time an HTTP call in flight lives in) or
 * with `parent`. `dispose()` clears the timer; call it when the work it bounds is over.
 */
export function deadlineSignal(
  ms: number,
  what: string,
  parent?: AbortSignal,
): { signal: AbortSignal; expired: () => boolean; dispose: () => void } {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DeadlineExceededError(`${what}: deadline of ${formatDuration(ms)} reached`)),
    Math.max(0, ms),
  );
  timer.unref?.();
  const signal = parent ? AbortSignal.any([parent, controller.signal]) : controller.signal;
  return { signal, expired: () => controller.signal.aborted, dispose: () => clearTimeout(timer) };
}

/** A poll that starts this close to the deadline is the final look, not one the deadline cuts. */
const DEADLINE_SLACK_MS = 1_000;
/** How long the final look at the deadline may take before it counts as unanswered. */
export const FINAL_LOOK_MS = 15_000;

type Bound = ReturnType<typeof deadlineSignal>;

/**
 * The signal one poll runs under. Polls before the deadline share the wait's own bound, so the
 * deadline aborts a call in flight; the final look, taken at the deadline, gets a bound of its own
 * (the wait's would abort it at once and turn an ordinary timeout into "AWS did not answer").
 */
function pollSignal<T>(bound: Bound, atDeadline: boolean, options: WaitOptions<T>): Bound {
  if (!atDeadline && !bound.expired()) return bound;
  return deadlineSignal(FINAL_LOOK_MS, options.what, options.signal);
}

export async function waitFor<T>(options: WaitOptions<T>): Promise<WaitResult<T>> {
  const clock = options.clock ?? systemClock;
  const sleep = options.sleep ?? realSleep;
  const progress = new ProgressReporter(options, clock.now());
  const deadline = clock.now() + options.timeoutMs;
  // The deadline also aborts a poll in flight: an AWS call that never answers cannot hold the
  // wait past it (the clock check between polls alone would wait for the call).
  const bound = deadlineSignal(options.timeoutMs, options.what, options.signal);
  let last: T | undefined;
  let polls = 0;
  let failures = 0;

  const aborted = () => ({ status: 'aborted' as const, last, polls, reason: options.signal?.reason });

  try {
    while (true) {
      if (options.signal?.aborted) return aborted();
      let delayMs = options.intervalMs;
      const look = pollSignal(bound, clock.now() >= deadline - DEADLINE_SLACK_MS, options);
      try {
        polls += 1;
        const value = await options.poll(look.signal);
        failures = 0;
        last = value;
        options.onValue?.(value);
        if (options.done(value)) return { status: 'done', value, polls };
      } catch (error) {
        if (options.signal?.aborted) return aborted();
        if (look.expired()) return { status: 'timeout', last, polls, unanswered: errorLine(error) };
        failures += 1;
        delayMs = retryDelayAfter(error, failures, options);
      } finally {
        if (look !== bound) look.dispose();
      }

      const now = clock.now();
      if (now >= deadline) return { status: 'timeout', last, polls };
      progress.maybeReport(now, deadline, last);
      try {
        await sleep(Math.min(delayMs, deadline - now), options.signal);
      } catch (error) {
        if (options.signal?.aborted) return aborted();
        throw error;
      }
    }
  } finally {
    bound.dispose();
  }
}

/**
 * The sleep before the next poll after a failed one: full-jitter backoff for transient faults
 * (never shorter than a second or the interval, whichever is less), a rethrow for anything else,
 * and WaitFailedError with the cause once faults outlast the tolerance.
 */
function retryDelayAfter<T>(error: unknown, failures: number, options: WaitOptions<T>): number {
  const isTransient = options.isTransient ?? isTransientAwsError;
  if (!isTransient(error)) throw error;
  const maxFailures = options.maxTransientFailures ?? DEFAULT_MAX_TRANSIENT_FAILURES;
  if (failures > maxFailures) {
    throw new WaitFailedError(
      `Gave up waiting for ${options.what} after ${failures} failed polls in a row: ${errorLine(error)}`,
      error,
    );
  }
  const delayMs = Math.max(
    fullJitterBackoffMs(
      failures,
      options.maxBackoffMs ?? DEFAULT_MAX_BACKOFF_MS,
      options.random ?? Math.random,
    ),
    Math.min(options.intervalMs, BACKOFF_BASE_MS),
  );
  options.log.info(
    `Polling ${options.what} failed (${errorLine(error)}); retry ${failures}/${maxFailures} in ${formatDuration(delayMs)}`,
  );
  return delayMs;
}

/** At most one "still waiting" line per period, naming what is awaited and the last state seen. */
class ProgressReporter<T> {
  private lastReportAt: number;

  constructor(
    private readonly options: WaitOptions<T>,
    private readonly started: number,
  ) {
    this.lastReportAt = started;
  }

  maybeReport(now: number, deadline: number, last: T | undefined): void {
    if (now - this.lastReportAt < (this.options.progressEveryMs ?? PROGRESS_EVERY_MS)) return;
    this.lastReportAt = now;
    const state = last === undefined ? 'no answer yet' : this.options.describe(last);
    this.options.log.info(
      `Still waiting for ${this.options.what} (${formatDuration(now - this.started)} elapsed, ${formatDuration(deadline - now)} left): ${state}`,
    );
  }
}
