import { GATES } from './gates.js';
import { runCli } from './main.js';

process.exitCode = await runCli(process.argv.slice(2), {
  gates: GATES,
  env: process.env,
  cwd: process.cwd(),
  streams: { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) },
});
