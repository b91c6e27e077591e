import { runAction } from '../../../core/runner.js';
import { runExperimentGate } from './gate.js';

await runAction(runExperimentGate.run);
