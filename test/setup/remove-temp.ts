/** Runs before each test file: removes, after the file's tests, the temporary folders its hooks made. */
import { afterAll } from 'vitest';
import { removePending } from '../helpers/temp.ts';

afterAll(removePending);
