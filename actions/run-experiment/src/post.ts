import { runAction } from '../../../core/runner.js';
import { nothingStarted } from './state.js';

// The post step's only job is cleanup: it passes unless stopping a left-over experiment failed.
// It imports cleanup.ts, not gate.ts, so its bundle holds the FIS client only; and only when the
// main step saved something to stop, so the common case (nothing started) never loads it.
await runAction(async (host) => {
  if (nothingStarted(host))
    host.log.debug('run-experiment post: no experiment was started, nothing to clean up');
  else await (await import('./cleanup.js')).stopLeftoverExperiment(host);
  return { result: 'pass', summaryLine: 'run-experiment post step: cleanup done' };
});
