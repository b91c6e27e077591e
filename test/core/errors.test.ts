import { describe, expect, it } from 'vitest';
import {
  describeAwsError,
  errorLine,
  firstLine,
  hintForAwsError,
  invalidInput,
  isUserFacingAwsError,
} from '../../core/errors.js';

const awsError = (name: string, message: string) => Object.assign(new Error(message), { name });

describe('AWS error hints', () => {
  it('names the IAM action that was refused', () => {
    const error = awsError(
      'AccessDeniedException',
      'User: arn:aws:sts::123456789012:assumed-role/gate/ci is not authorized to perform: fis:StopExperiment on resource: arn:aws:fis:us-east-1:123456789012:experiment/EXP1',
    );
    expect(hintForAwsError(error)).toContain('does not allow fis:StopExperiment');
    expect(isUserFacingAwsError(error)).toBe(true);
  });

  it('explains how to configure credentials for expired or missing ones', () => {
    const hint = hintForAwsError(
      awsError('ExpiredTokenException', 'The security token included in the request is expired'),
    );
    expect(hint).toContain('aws-actions/configure-aws-credentials');
    expect(hint).toContain('id-token: write');
    expect(
      hintForAwsError(awsError('CredentialsProviderError', 'Could not load credentials from any providers')),
    ).toContain('configure-aws-credentials');
  });

  it('says which id was not found', () => {
    expect(hintForAwsError(awsError('ResourceNotFoundException', 'nope'), { resourceId: 'EXT123' })).toBe(
      "'EXT123' was not found: check the id and the region",
    );
  });

  it('has nothing to add for other errors', () => {
    expect(hintForAwsError(awsError('ValidationException', 'bad'))).toBeUndefined();
    expect(hintForAwsError('text')).toBeUndefined();
  });

  it('describes an error in one line', () => {
    const line = describeAwsError(
      awsError('ResourceNotFoundException', 'Template not found\nmore'),
      'GetExperimentTemplate',
      {
        resourceId: 'EXT9',
      },
    );
    expect(line).toBe(
      "GetExperimentTemplate failed: ResourceNotFoundException: Template not found ('EXT9' was not found: check the id and the region)",
    );
  });

  it('builds input errors that name input, value and accepted forms', () => {
    expect(invalidInput('fail-on', 'sometimes', 'use one of error, warning, never').message).toBe(
      "Invalid fail-on 'sometimes': use one of error, warning, never",
    );
  });
});

describe('errorLine: the one line an error becomes', () => {
  it('takes the first line that says something (git messages may start with a blank line)', () => {
    expect(firstLine('\n  \nfatal: bad object deadbeef\nmore')).toBe('fatal: bad object deadbeef');
    expect(firstLine('')).toBe('');
  });

  it('keeps a telling name and the first line of the message', () => {
    const throttled = Object.assign(new Error('Rate exceeded\n  at stack'), { name: 'ThrottlingException' });
    expect(errorLine(throttled)).toBe('ThrottlingException: Rate exceeded');
  });

  it('leaves out the generic name Error, and anything after the first line', () => {
    expect(errorLine(new Error('Not Found\nmore'))).toBe('Not Found');
  });

  it('turns anything thrown into one line', () => {
    expect(errorLine('socket hang up\nsecond')).toBe('socket hang up');
    expect(errorLine(42)).toBe('42');
  });
});
