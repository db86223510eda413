/**
 * Once per test run: a unique run name. Every product a test starts gets a
 * database and a Redis prefix named after it, so runs and test files never
 * share data, and the teardown can remove exactly what this run made.
 * (Loaded by jest outside the ESM test environment: imports packages only.)
 */
export default async function globalSetup(): Promise<void> {
  process.env.OKIENKO_TEST_RUN ??= `okienko_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
}
