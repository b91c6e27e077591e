import { runAction } from '../../../core/runner.js';
import { branchPolicyGate } from './gate.js';

await runAction(branchPolicyGate.run);
