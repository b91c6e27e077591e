import { azCheckGate } from '../actions/az-check/src/gate.js';
import { branchPolicyGate } from '../actions/branch-policy/src/gate.js';
import { canaryGateGate } from '../actions/canary-gate/src/gate.js';
import { runExperimentGate } from '../actions/run-experiment/src/gate.js';
import type { GateDefinition } from '../core/host.js';

/** Every gate the CLI knows, in the order `--help` lists them. */
export const GATES: readonly GateDefinition[] = [
  runExperimentGate,
  canaryGateGate,
  branchPolicyGate,
  azCheckGate,
];
