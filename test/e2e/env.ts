import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * What every e2e step gets on top of the runner environment: git with no system or global
 * configuration and a fixed identity, so the bundles behave the same on a machine with no git
 * setup at all (and a developer's ~/.gitconfig cannot change a verdict).
 */
export const GIT_STEP_ENV: Record<string, string> = {
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_TERMINAL_PROMPT: '0',
  GIT_AUTHOR_NAME: 'Runner',
  GIT_AUTHOR_EMAIL: 'runner@example.com',
  GIT_COMMITTER_NAME: 'Runner',
  GIT_COMMITTER_EMAIL: 'runner@example.com',
};

/** A Node stack frame as printed by an uncaught error or `console.error(error)`. */
export const STACK_FRAME = /^\s+at .+[:(]\d+/m;

/** The `::error` workflow commands a step printed, as raw lines. */
export function errorCommands(stdout: string): string[] {
  return stdout.split('\n').filter((line) => line.startsWith('::error'));
}

/**
 * A network tripwire preloaded into the bundle's Node process (NODE_OPTIONS=--require): every
 * socket connection and DNS lookup is appended to a log file. A step that stays offline leaves
 * the log empty. Git runs as a child process with file:// remotes, which opens no socket.
 */
export interface Tripwire {
  env: Record<string, string>;
  /** The recorded attempts, one `connect host:port` or `lookup host` per line. */
  attempts(): string[];
}

const TRIPWIRE_SOURCE = String.raw`
const fs = require('node:fs');
const net = require('node:net');
const dns = require('node:dns');
const log = process.env.E2E_TRIPWIRE_LOG;
const record = (line) => fs.appendFileSync(log, line + '\n');
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const first = args[0];
  const options = Array.isArray(first) ? first[0] : first;
  const where = typeof options === 'object' && options !== null
    ? (options.path ?? (options.host ?? 'localhost') + ':' + options.port)
    : String(first) + ':' + String(args[1]);
  record('connect ' + where);
  return connect.apply(this, args);
};
const lookup = dns.lookup;
dns.lookup = function (host, ...rest) { record('lookup ' + host); return lookup.call(this, host, ...rest); };
const promiseLookup = dns.promises.lookup;
dns.promises.lookup = function (host, ...rest) { record('lookup ' + host); return promiseLookup.call(this, host, ...rest); };
`;

/** `onTestFinished` removes the tripwire's folder once the test has read it. */
export function networkTripwire(onTestFinished: (fn: () => void) => void): Tripwire {
  const dir = mkdtempSync(join(tmpdir(), 'rg-tripwire-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const preload = join(dir, 'tripwire.cjs');
  const log = join(dir, 'attempts.log');
  writeFileSync(preload, TRIPWIRE_SOURCE);
  writeFileSync(log, '');
  return {
    env: { NODE_OPTIONS: `--require ${preload}`, E2E_TRIPWIRE_LOG: log },
    attempts: () => readFileSync(log, 'utf8').split('\n').filter(Boolean),
  };
}
