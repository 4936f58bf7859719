/**
 * Tests that need a system part (PostgreSQL, Chromium, ../shared/data) skip with
 * a reason when it is missing on a developer machine, but CI sets
 * REQUIRE_SHARED_DATA=1 and then a missing part fails instead of skipping.
 */
export function requirementMissing(what: string, available: boolean): string | false {
  if (available) return false;
  const reason = `${what} is not available on this machine`;
  if (process.env.REQUIRE_SHARED_DATA === '1') {
    throw new Error(`${reason}, and REQUIRE_SHARED_DATA=1 forbids skipping (see .ci/run)`);
  }
  console.warn(`SKIPPED: ${reason}`);
  return reason;
}

/** ../shared/data beside the project: real open data, read in place and never copied into the repo. */
export const sharedDataDirectory = new URL('../../../shared/data/', import.meta.url).pathname;
