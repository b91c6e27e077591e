import type { GateDefinition } from '../core/host.js';

/** Every gate the CLI knows, in the order `--help` lists them. */
export const GATES: readonly GateDefinition[] = [];
