import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';

/**
 * Where a gate's JSON report goes when the user did not choose: the runner's temp folder, which
 * later steps of the job can read and upload.
 */
export function defaultReportPath(action: string, env: NodeJS.ProcessEnv, workspace: string): string {
  const folder = env.RUNNER_TEMP ?? join(workspace, '.resilience-gates');
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
