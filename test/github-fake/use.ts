// One GitHub fake per test file, checked after every test: a request or response
// outside GitHub's OpenAPI description fails the test that caused it, not a later one.
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { type GitHubFake, type GitHubFakeOptions, startGitHubFake } from './server.js';

/**
 * Starts the fake before the file's tests and stops it after them. After each test it
 * asserts that no violation was recorded, then resets the fake (repos, issues, recorded
 * requests, faults), so every test starts from an empty GitHub as with a fresh fake.
 * A test that sends a bad request on purpose takes its violations with `takeViolations()`.
 * Returns a getter: the fake exists only once the file's tests run.
 */
export function useGitHubFake(options?: GitHubFakeOptions): () => GitHubFake {
  let fake: GitHubFake | undefined;
  beforeAll(async () => {
    fake = await startGitHubFake(options);
  });
  afterAll(async () => {
    await fake?.close();
    fake = undefined;
  });
  afterEach(() => {
    if (!fake) return;
    const found = fake.takeViolations();
    fake.reset();
    expect(found, "requests or responses outside GitHub's OpenAPI description").toEqual([]);
  });
  return () => {
    if (!fake) throw new Error('useGitHubFake: the fake runs only while the tests of the file run');
    return fake;
  };
}
