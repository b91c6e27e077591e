/**
 * `npm run emulator -- --scenario NAME [--port N]`: serves a scenario until Ctrl-C and prints the
 * environment a shell (or `npm run demo`) needs to point the AWS SDK at it.
 */
import { parseArgs } from 'node:util';
import { startEmulator } from './emulator.js';
import { getScenario, scenarioNames } from './scenarios.js';

const USAGE = `Usage: npm run emulator -- [--scenario NAME] [--port N]\nScenarios: ${scenarioNames().join(', ')}`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scenario: { type: 'string', default: 'default' },
      port: { type: 'string', default: '0' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0)
    throw new Error(`Invalid port '${values.port}': use a number like 4566`);
  const emulator = await startEmulator({ scenario: getScenario(values.scenario), port });
  console.log(`AWS emulator (scenario '${values.scenario}') listening on ${emulator.url}`);
  console.log('export these to point the AWS SDK at it:');
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
  console.error(error instanceof Error ? error.message : String(error));
  console.error(USAGE);
  process.exit(1);
});
