import { runAction } from '../../../core/runner.js';
import { canaryGateGate } from './gate.js';

await runAction(canaryGateGate.run);
