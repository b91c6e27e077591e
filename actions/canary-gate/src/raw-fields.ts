/** The raw-field plugin moved to core (run-experiment reads the same members); kept here for gate.ts. */
export { installRawFields, mergeUnmodelled } from '../../../core/synthetics-raw-fields.js';
