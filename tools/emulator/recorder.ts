/** One request as the emulator saw it, refused ones included. */
export interface RecordedRequest {
  /** Emulator clock time (epoch ms). */
  time: number;
  /** Signing name: fis, synthetics, monitoring, ec2, sts (or `unknown`). */
  service: string;
  operation: string;
  /** e.g. `fis:StartExperiment`; empty when the operation was not understood. */
  iamAction: string;
  params: Record<string, unknown>;
  status: number;
  errorCode?: string;
  accountId?: string;
  accessKeyId?: string;
  /** Name of the injected fault that answered, if any. */
  fault?: string;
}

export class Recorder {
  private entries: RecordedRequest[] = [];

  add(entry: RecordedRequest): void {
    this.entries.push(entry);
  }

  get all(): readonly RecordedRequest[] {
    return this.entries;
  }

  /** Filters by IAM action (`fis:StartExperiment`) or bare operation name (`StartExperiment`). */
  calls(actionOrOperation: string): RecordedRequest[] {
    return this.entries.filter(
      (entry) => entry.iamAction === actionOrOperation || entry.operation === actionOrOperation,
    );
  }

  reset(): void {
    this.entries = [];
  }
}
