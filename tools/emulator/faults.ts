/** Faults a test injects; each matching request consumes one use until `times` runs out. */
export type FaultKind =
  | 'throttle'
  | 'server-error'
  | 'latency'
  | 'drop'
  | 'malformed'
  | 'expired-credentials'
  /** An HTML page instead of an AWS response, as a proxy, load balancer or wrong endpoint answers. */
  | 'html'
  /** The normal first page, with a NextToken that never changes: a list that never ends. */
  | 'repeat-token'
  /**
   * The call takes effect at once (an experiment is started, a canary run begins) but its reply
   * is held for `latencyMs`: a slow network on the way back, or a service slow to answer after it
   * acted. A client that gives up or dies meanwhile never learns what it did.
   */
  | 'late-reply';

export interface FaultSpec {
  /** Signing name: fis, synthetics, monitoring, ec2, sts. Omitted: any service. */
  service?: string;
  /** Operation name, e.g. `StartExperiment`. Omitted: any operation. */
  operation?: string;
  kind: FaultKind;
  /** How many requests it affects. Default 1; `Infinity` (or -1 over HTTP) for persistent. */
  times?: number;
  /** For `latency` and `late-reply`: how long to hold the request before answering normally (released on close). */
  latencyMs?: number;
  /** For `html`: the HTTP status of the page. Default 404. */
  status?: number;
}

export const DEFAULT_LATENCY_MS = 2_000;

interface ActiveFault extends FaultSpec {
  remaining: number;
}

export class FaultQueue {
  private faults: ActiveFault[] = [];

  add(spec: FaultSpec): void {
    const times = spec.times === undefined ? 1 : spec.times < 0 ? Number.POSITIVE_INFINITY : spec.times;
    this.faults.push({ ...spec, remaining: times });
  }

  clear(): void {
    this.faults = [];
  }

  /** The first fault matching this call, with one use consumed. */
  take(service: string, operation: string): FaultSpec | undefined {
    const fault = this.faults.find(
      (candidate) =>
        (candidate.service === undefined || candidate.service === service) &&
        (candidate.operation === undefined || candidate.operation === operation),
    );
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((candidate) => candidate !== fault);
    return fault;
  }

  get pending(): readonly FaultSpec[] {
    return this.faults;
  }
}
