import { runAction } from '../../../core/runner.js';
import { stopLeftoverExperiment } from './cleanup.js';

// The post step's only job is cleanup: it passes unless stopping a left-over experiment failed.
// It imports cleanup.ts, not gate.ts, so its bundle holds the FIS client only.
await runAction(async (host) => {
  await stopLeftoverExperiment(host);
  return { result: 'pass', summaryLine: 'run-experiment post step: cleanup done' };
});
