import { describe, expect, it } from 'vitest';
import { ConfigurationError, failureMessage } from '../../core/errors.js';

describe('failureMessage', () => {
  it('shows a user mistake as its own one line', () => {
    expect(failureMessage(new ConfigurationError("Invalid timeout '5x': use a duration like 90s"))).toBe(
      "Invalid timeout '5x': use a duration like 90s",
    );
  });

  it('adds the IAM hint to an access-denied error', () => {
    const denied = Object.assign(
      new Error(
        'User: arn:aws:sts::1:assumed-role/ci/x is not authorized to perform: synthetics:StartCanary on resource: *',
      ),
      { name: 'AccessDeniedException' },
    );
    expect(failureMessage(denied)).toBe(
      "AWS call failed: AccessDeniedException: User: arn:aws:sts::1:assumed-role/ci/x is not authorized to perform: synthetics:StartCanary on resource: * (the IAM policy of the role does not allow synthetics:StartCanary: add it (see the action's README for the least-privilege policy))",
    );
  });

  it('names internal errors by type', () => {
    expect(failureMessage(new TypeError('x is undefined'))).toBe('TypeError: x is undefined');
    expect(failureMessage('plain')).toBe('plain');
  });
});
