import { afterAll } from 'vitest';
import { removeStepFolders } from '../../tools/harness/runner.js';

/** Vitest setup file: each test file removes the step folders its harness runs created. */
afterAll(() => removeStepFolders());
