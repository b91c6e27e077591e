/**
 * The control API under /_emulator/, for the CLI user and for processes that cannot hold the
 * Emulator object (e2e tests that spawn bundles). Unauthenticated: it only listens on 127.0.0.1.
 */
import { HTTP_BAD_REQUEST, HTTP_CONFLICT, HTTP_NOT_FOUND, HTTP_OK } from './errors.js';
import type { FaultSpec } from './faults.js';
import type { WireResponse } from './protocols/types.js';
import type { AlarmState } from './scenario.js';

export const CONTROL_PREFIX = '/_emulator/';

/** The part of the emulator the control API drives. */
export interface Controllable {
  readonly requests: readonly unknown[];
  resetRequests(): void;
  injectFault(spec: FaultSpec): void;
  clearFaults(): void;
  setAlarmState(name: string, state: AlarmState, reason?: string): void;
  advance(ms: number): void;
  now(): number;
  readonly manualClock: boolean;
}

function reply(status: number, body: unknown): WireResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

function parseBody(body: Buffer): Record<string, unknown> {
  const text = body.toString('utf8');
  return text.trim() === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
}

/** JSON has no Infinity: `times: -1` or `"Infinity"` means persistent. */
function faultFromJson(body: Record<string, unknown>): FaultSpec {
  const times =
    body.times === 'Infinity' || body.times === -1
      ? Number.POSITIVE_INFINITY
      : (body.times as number | undefined);
  return { ...(body as unknown as FaultSpec), times };
}

function route(
  emulator: Controllable,
  method: string,
  path: string,
  body: Record<string, unknown>,
): WireResponse {
  const alarmMatch = /^alarms\/([^/]+)\/state$/.exec(path);
  if (method === 'GET' && path === 'health') return reply(HTTP_OK, { ok: true, now: emulator.now() });
  if (method === 'GET' && path === 'requests') return reply(HTTP_OK, { requests: emulator.requests });
  if (method === 'DELETE' && path === 'requests') {
    emulator.resetRequests();
    return reply(HTTP_OK, {});
  }
  if (method === 'POST' && path === 'faults') {
    emulator.injectFault(faultFromJson(body));
    return reply(HTTP_OK, {});
  }
  if (method === 'DELETE' && path === 'faults') {
    emulator.clearFaults();
    return reply(HTTP_OK, {});
  }
  if (method === 'POST' && alarmMatch) {
    emulator.setAlarmState(
      decodeURIComponent(alarmMatch[1]!),
      body.state as AlarmState,
      body.reason as string | undefined,
    );
    return reply(HTTP_OK, {});
  }
  if (method === 'POST' && path === 'clock/advance') {
    if (!emulator.manualClock)
      return reply(HTTP_CONFLICT, {
        message: 'The emulator runs on real time; start it with a ManualClock.',
      });
    emulator.advance(Number(body.ms));
    return reply(HTTP_OK, { now: emulator.now() });
  }
  return reply(HTTP_NOT_FOUND, { message: `No control endpoint ${method} ${CONTROL_PREFIX}${path}` });
}

export function handleControl(
  emulator: Controllable,
  method: string,
  path: string,
  rawBody: Buffer,
): WireResponse {
  try {
    return route(emulator, method, path.slice(CONTROL_PREFIX.length).split('?')[0]!, parseBody(rawBody));
  } catch (error) {
    return reply(HTTP_BAD_REQUEST, { message: String(error) });
  }
}
