import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './bundles.js';

/**
 * The CLI as a user installs it: `npm pack` (which builds cli/dist through `prepare`), install the
 * tarball into an empty folder, then run `resilience-gates --help` and one real gate from there.
 * The install must bring only what the CLI runs: its runtime dependencies live in the bundle.
 */
const MAX_PACKAGES = 5;
const MAX_INSTALL_BYTES = 15 * 1024 * 1024;

const scratch = mkdtempSync(join(tmpdir(), 'rg-cli-pack-'));
try {
  check(scratch);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

function check(dir) {
  // npm pack runs `prepare` (which builds cli/dist and prints to stdout): find the tarball by name.
  run('npm', ['pack', '--pack-destination', dir], ROOT);
  const tarball = join(dir, readdirSync(dir).find((name) => name.endsWith('.tgz')) ?? 'no tarball');
  const prefix = join(dir, 'install');
  mkdirSync(prefix);
  run('npm', ['install', '--no-audit', '--no-fund', '--prefix', prefix, tarball], prefix);
  const installed = packagesUnder(join(prefix, 'node_modules'));
  const bytes = sizeOf(join(prefix, 'node_modules'));
  console.log(
    `installed ${installed.length} package(s), ${(bytes / 2 ** 20).toFixed(1)} MiB: ${installed.join(', ')}`,
  );
  if (installed.length > MAX_PACKAGES)
    fail(`the packed CLI installs ${installed.length} packages (at most ${MAX_PACKAGES})`);
  if (bytes > MAX_INSTALL_BYTES)
    fail(`the packed CLI installs ${bytes} bytes (at most ${MAX_INSTALL_BYTES})`);

  const bin = join(prefix, 'node_modules', '.bin', 'resilience-gates');
  const help = run(bin, ['--help'], prefix);
  if (!/az-check/.test(help.stdout)) fail(`--help does not list the gates:\n${help.stdout}`);

  // One real gate from the installed copy: a hard-coded AZ name must fail the check (exit 1).
  const infra = join(dir, 'infra');
  mkdirSync(infra);
  writeFileSync(
    join(infra, 'main.tf'),
    'resource "aws_subnet" "a" {\n  availability_zone = "us-east-1a"\n}\n',
  );
  const gate = spawnSync(bin, ['az-check', '--scan', 'all', infra], { cwd: infra, encoding: 'utf8' });
  const output = `${gate.stdout}${gate.stderr}`;
  if (gate.status !== 1 || !output.includes('us-east-1a')) {
    fail(
      `az-check from the installed CLI should find us-east-1a and exit 1 (exit ${gate.status}):\n${output}`,
    );
  }
  console.log('installed CLI: --help and az-check (finds us-east-1a, exit 1) ok');
}

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (result.status !== 0)
    fail(`${command} ${args.join(' ')} exited ${result.status}:\n${result.stdout}${result.stderr}`);
  return result;
}

/** Package names under node_modules (scoped ones as @scope/name), .bin and dot-folders excluded. */
function packagesUnder(dir) {
  return readdirSync(dir)
    .filter((name) => !name.startsWith('.'))
    .flatMap((name) =>
      name.startsWith('@') ? readdirSync(join(dir, name)).map((sub) => `${name}/${sub}`) : [name],
    );
}

function sizeOf(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((total, name) => total + sizeOf(join(path, name)), 0);
}

function fail(message) {
  throw new Error(message);
}
