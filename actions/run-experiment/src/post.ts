import { runAction } from '../../../core/runner.js';
import { runExperimentGate } from './gate.js';

// The post step's only job is cleanup: it passes unless stopping a left-over experiment failed.
await runAction(async (host) => {
  await runExperimentGate.post!(host);
  return { result: 'pass', summaryLine: 'run-experiment post step: cleanup done' };
});
