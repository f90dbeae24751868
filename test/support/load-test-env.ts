import { loadTestRun, testEnvironment } from './test-run';

Object.assign(process.env, testEnvironment(loadTestRun()));
