/**
 * `npm run emulator -- [--scenario NAME] [--port N] [--speed X]`: serves a scenario until Ctrl-C
 * and prints what a person needs: the environment that points the AWS SDK (and the CLI) at it,
 * and the template ids, canaries and alarms the scenario holds.
 */
import { parseArgs } from 'node:util';
import { ScaledClock } from './clock.js';
import { startEmulator } from './emulator.js';
import type { Scenario } from './scenario.js';
import { getScenario, scenarioNames } from './scenarios.js';

const USAGE = [
  'Usage: npm run emulator -- [--scenario NAME] [--port N] [--speed X]',
  `  --scenario  one of: ${scenarioNames().join(', ')} (default: default)`,
  '  --port      port to listen on (default: a free port)',
  '  --speed     how much faster than real time the emulator clock runs (default: 1; 10 plays a',
  '              five-minute experiment in thirty seconds)',
  'Scenarios are described in tools/emulator/README.md.',
].join('\n');

class UsageError extends Error {}

function positiveNumber(name: string, raw: string, whole: boolean): number {
  const value = Number(raw);
  const ok = Number.isFinite(value) && (whole ? Number.isInteger(value) && value >= 0 : value > 0);
  if (!ok)
    throw new UsageError(
      `Invalid --${name} '${raw}': use ${whole ? 'a port number like 4566' : 'a number above 0 like 10'}`,
    );
  return value;
}

function scenarioLines(scenario: Scenario): string[] {
  const templates = (scenario.experimentTemplates ?? []).map(
    (t) => `${t.id} (${t.description ?? 'no description'})`,
  );
  const canaries = (scenario.canaries ?? []).map((c) => c.name);
  const alarms = (scenario.alarms ?? []).map((a) => a.name);
  return [
    `  experiment templates: ${templates.join(', ') || 'none'}`,
    `  canaries: ${canaries.join(', ') || 'none'}`,
    `  alarms: ${alarms.join(', ') || 'none'}`,
  ];
}

function readOptions() {
  try {
    return parseArgs({
      options: {
        scenario: { type: 'string', default: 'default' },
        port: { type: 'string', default: '0' },
        speed: { type: 'string', default: '1' },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    // Node's message spans lines ("argument is ambiguous..."): keep its first line only.
    throw new UsageError(`${String((error as Error).message).split('\n')[0]} (see --help)`);
  }
}

async function main(): Promise<void> {
  const values = readOptions();
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!scenarioNames().includes(values.scenario)) {
    throw new UsageError(`Unknown --scenario '${values.scenario}': use one of ${scenarioNames().join(', ')}`);
  }
  const port = positiveNumber('port', values.port, true);
  const speed = positiveNumber('speed', values.speed, false);
  const scenario = getScenario(values.scenario);
  const clock = speed === 1 ? undefined : new ScaledClock(speed);
  const emulator = await startEmulator({ scenario, port, ...(clock ? { clock } : {}) });
  const pace = speed === 1 ? '' : `, clock at ${speed}x real time`;
  console.log(`AWS emulator (scenario '${values.scenario}'${pace}) listening on ${emulator.url}`);
  for (const line of scenarioLines(scenario)) console.log(line);
  console.log('export these to point the AWS SDK (and resilience-gates) at it:');
  console.log(`export AWS_ENDPOINT_URL=${emulator.url}`);
  console.log(`export AWS_ACCESS_KEY_ID=${emulator.credentials.accessKeyId}`);
  console.log(`export AWS_SECRET_ACCESS_KEY=${emulator.credentials.secretAccessKey}`);
  console.log(`export AWS_REGION=${emulator.region}`);
  console.log(
    `Control API: ${emulator.url}/_emulator/requests (GET), /_emulator/faults (POST). Ctrl-C to stop.`,
  );
  const shutdown = () => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  // A usage mistake is one line and exit 2, as the project's CLI does; anything else is a bug.
  if (error instanceof UsageError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
