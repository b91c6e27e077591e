import { runAction } from '../../../core/runner.js';
import { azCheckGate } from './gate.js';

await runAction(azCheckGate.run);
