import { exitSoonIfSomethingLingers } from '../core/exit.js';
import { GATES } from './gates.js';
import { runCli } from './main.js';

// The AWS SDK warns on every run under a Node version it will stop supporting one day: a notice
// for the SDK's maintainers, not for someone running a gate. A user who sets it keeps their value.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

process.exitCode = await runCli(process.argv.slice(2), {
  gates: GATES,
  env: process.env,
  cwd: process.cwd(),
  streams: { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) },
});
exitSoonIfSomethingLingers();
