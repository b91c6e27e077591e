import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';

/** The folder under the system's temp folder where reports go outside a runner. */
export const LOCAL_REPORT_FOLDER = 'resilience-gates';

/**
 * Where a gate's JSON report goes when the user did not choose: the runner's temp folder, which
 * later steps of the job can read and upload. Outside a runner (the CLI, a pre-push hook) it is
 * the system's temp folder, never the user's working tree: a hook must leave the tree clean.
 * `workspace` is kept for callers; it no longer decides the default.
 */
export function defaultReportPath(action: string, env: NodeJS.ProcessEnv, _workspace?: string): string {
  const folder = env.RUNNER_TEMP || join(tmpdir(), LOCAL_REPORT_FOLDER);
  return join(folder, `${action}-report.json`);
}

export function resolveReportPath(path: string, workspace: string): string {
  return isAbsolute(path) ? path : join(workspace, path);
}

export async function writeJsonFile(path: string, data: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(data, null, 2)}\n`, 'utf8');
}

export async function writeTextFile(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text, 'utf8');
}
