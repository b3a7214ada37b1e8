import { E2E_TEST_TIMEOUT_MS } from './waits';

// Some e2e tests start extra API processes, which take a few seconds each to boot. Waits inside
// a test default to half of this (E2E_WAIT_MS), so a missing result is reported by name.
jest.setTimeout(E2E_TEST_TIMEOUT_MS);
