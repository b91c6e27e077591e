/** The local AWS emulator: a test and demo double, never shipped inside an action bundle. */
export { type Clock, ManualClock, realClock } from './clock.js';
export { Emulator, type EmulatorOptions, startEmulator } from './emulator.js';
export { ApiError } from './errors.js';
export type { FaultKind, FaultSpec } from './faults.js';
export type { IamPolicy, IamStatement } from './iam.js';
export { DEFAULT_ACCOUNT_ID, DEFAULT_CREDENTIALS, DEFAULT_REGION } from './identity.js';
export type { RecordedRequest } from './recorder.js';
export type * from './scenario.js';
export { getScenario, scenarioNames } from './scenarios.js';
export type { SyntheticsBehaviour } from './services/synthetics.js';
