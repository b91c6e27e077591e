import type { RunOptions } from '../../tools/harness/runner.js';

/** One gate run the demo shows, and the verdict it must reach for the demo to pass. */
export interface DemoCase {
  action: string;
  title: string;
  expected: 'pass' | 'fail';
  inputs: Record<string, string>;
  event?: RunOptions['event'];
  workspace?: string;
}
