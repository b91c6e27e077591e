/** Where domain logic writes human-readable lines; the runner and the CLI each provide one. */
export interface Logger {
  info(line: string): void;
  warning(line: string): void;
  debug(line: string): void;
}

/** Collects lines, for tests. */
export class MemoryLogger implements Logger {
  readonly lines: string[] = [];
  info(line: string): void {
    this.lines.push(line);
  }
  warning(line: string): void {
    this.lines.push(`warning: ${line}`);
  }
  debug(line: string): void {
    this.lines.push(`debug: ${line}`);
  }
}
