import type { GateDefinition } from '../core/host.js';

/**
 * A gate the CLI can run, loaded only when chosen: each gate pulls in its own AWS SDK clients or
 * git tooling, and a pre-push `branch-policy` run should not pay for parsing all four.
 */
export interface GateEntry {
  name: string;
  load(): Promise<GateDefinition>;
}

/** Every gate the CLI knows, in the order `--help` lists them. */
export const GATES: readonly GateEntry[] = [
  {
    name: 'run-experiment',
    load: async () => (await import('../actions/run-experiment/src/gate.js')).runExperimentGate,
  },
  {
    name: 'canary-gate',
    load: async () => (await import('../actions/canary-gate/src/gate.js')).canaryGateGate,
  },
  {
    name: 'branch-policy',
    load: async () => (await import('../actions/branch-policy/src/gate.js')).branchPolicyGate,
  },
  {
    name: 'az-check',
    load: async () => (await import('../actions/az-check/src/gate.js')).azCheckGate,
  },
];
