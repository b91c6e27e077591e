import { randomBytes } from 'node:crypto';
import type { ScenarioCredential } from './scenario.js';

export const DEFAULT_ACCOUNT_ID = '123456789012';
export const DEFAULT_REGION = 'us-east-1';

/** The dummy key pair tests, demos and bundles use against the emulator. Not an AWS secret. */
export const DEFAULT_CREDENTIALS = {
  accessKeyId: 'AKIAEMULATOR00000001',
  secretAccessKey: 'emulatorSecretAccessKeyNotARealSecret000',
} as const;

/** Who a key pair speaks for. */
export interface Identity {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  accountId: string;
  principalArn: string;
  userId: string;
  /** Temporary credentials only (epoch ms). */
  expiresAtMs?: number;
}

const ACCESS_KEY_SUFFIX_BYTES = 8;
const SECRET_BYTES = 30;
const SESSION_TOKEN_BYTES = 96;
const ROLE_ARN_PATTERN = /^arn:aws[\w-]*:iam::(\d{12}):role\/(?:.*\/)?([\w+=,.@-]+)$/;

export class IdentityStore {
  private readonly byAccessKey = new Map<string, Identity>();

  constructor(credentials: ScenarioCredential[]) {
    this.addKey({ ...DEFAULT_CREDENTIALS, accountId: DEFAULT_ACCOUNT_ID });
    for (const credential of credentials) this.addKey(credential);
  }

  addKey(credential: ScenarioCredential): void {
    const principalArn = credential.principalArn ?? `arn:aws:iam::${credential.accountId}:user/emulator`;
    this.byAccessKey.set(credential.accessKeyId, {
      accessKeyId: credential.accessKeyId,
      secretAccessKey: credential.secretAccessKey,
      accountId: credential.accountId,
      principalArn,
      userId: `AIDA${credential.accessKeyId.slice(4)}`,
    });
  }

  get(accessKeyId: string): Identity | undefined {
    return this.byAccessKey.get(accessKeyId);
  }

  /** Mints temporary credentials that act as the role's account; undefined for a malformed ARN. */
  assumeRole(
    roleArn: string,
    sessionName: string,
    durationSeconds: number,
    nowMs: number,
  ): Identity | undefined {
    const match = ROLE_ARN_PATTERN.exec(roleArn);
    if (!match) return undefined;
    const [, accountId, roleName] = match as unknown as [string, string, string];
    const roleId = `AROA${randomBytes(ACCESS_KEY_SUFFIX_BYTES).toString('hex').toUpperCase()}`;
    const identity: Identity = {
      accessKeyId: `ASIA${randomBytes(ACCESS_KEY_SUFFIX_BYTES).toString('hex').toUpperCase()}`,
      secretAccessKey: randomBytes(SECRET_BYTES).toString('base64'),
      sessionToken: randomBytes(SESSION_TOKEN_BYTES).toString('base64'),
      accountId,
      principalArn: `arn:aws:sts::${accountId}:assumed-role/${roleName}/${sessionName}`,
      userId: `${roleId}:${sessionName}`,
      expiresAtMs: nowMs + durationSeconds * 1000,
    };
    this.byAccessKey.set(identity.accessKeyId, identity);
    return identity;
  }
}
