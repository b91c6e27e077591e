import { startEmulator } from '../tools/emulator/index.js';
import { emulatorEnv } from '../tools/harness/aws.js';
import { Sandbox } from '../tools/harness/git-sandbox.js';
import { removeStepFolders, runStep, type StepResult } from '../tools/harness/runner.js';
import { AWS_CASES, DEMO_SCENARIO } from './demo/aws-cases.js';
import { gitCases } from './demo/git-cases.js';
import type { DemoCase } from './demo/types.js';

/**
 * `npm run demo`: every gate's committed bundle, run exactly as the GitHub runner runs it,
 * against the embedded AWS emulator and a scratch git repository. Prints each verdict with its
 * job summary, and exits non-zero if any gate reached a verdict other than the expected one.
 */
const SUMMARY_LINES_SHOWN = 40;

function verdictOf(result: StepResult): 'pass' | 'fail' {
  return result.exitCode === 0 ? 'pass' : 'fail';
}

function render(demoCase: DemoCase, result: StepResult): string {
  const verdict = verdictOf(result);
  const mark = verdict === demoCase.expected ? 'as expected' : `UNEXPECTED (wanted ${demoCase.expected})`;
  const reason = result.failure ?? result.stdout.trim().split('\n').at(-1) ?? '';
  const summary = result.summary.trim().split('\n');
  const shown = summary.slice(0, SUMMARY_LINES_SHOWN).map((line) => `    ${line}`);
  if (summary.length > SUMMARY_LINES_SHOWN)
    shown.push(`    … ${summary.length - SUMMARY_LINES_SHOWN} more lines`);
  return [
    `━━ ${demoCase.action}: ${demoCase.title}`,
    `   verdict: ${verdict.toUpperCase()} (${mark})`,
    `   reason:  ${reason}`,
    '   job summary:',
    ...shown,
    '',
  ].join('\n');
}

const emulator = await startEmulator({ scenario: DEMO_SCENARIO });
console.log(`AWS emulator on ${emulator.url}; building a scratch git repository…\n`);
const sandbox = new Sandbox();
try {
  const cases = [...AWS_CASES, ...gitCases(sandbox)];
  // Each case is its own step (own output files and state); running them together keeps the
  // real-time AWS cases from adding up.
  const results = await Promise.all(
    cases.map((demoCase) =>
      runStep({
        action: demoCase.action,
        inputs: demoCase.inputs,
        env: emulatorEnv(emulator),
        ...(demoCase.event ? { event: demoCase.event } : {}),
        ...(demoCase.workspace ? { workspace: demoCase.workspace } : {}),
      }),
    ),
  );
  for (const [index, demoCase] of cases.entries()) console.log(render(demoCase, results[index]!));
  const unexpected = cases.filter((demoCase, index) => verdictOf(results[index]!) !== demoCase.expected);
  console.log(
    unexpected.length === 0
      ? `Demo complete: all ${cases.length} gates reached the expected verdict.`
      : `Demo FAILED: ${unexpected.map((c) => `${c.action} (${c.title})`).join('; ')}`,
  );
  process.exitCode = unexpected.length === 0 ? 0 : 1;
} finally {
  // The demo leaves nothing behind: the emulator, each step's folders, the scratch repository.
  await emulator.close();
  await removeStepFolders();
  sandbox.cleanup();
}
