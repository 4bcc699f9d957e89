/**
 * The room the job summary keeps for the issues section: the summary is written
 * before GitHub is called, and the two together must stay under GitHub's 1 MiB.
 * Kept apart from the issue code so the action can read it without loading Octokit.
 */
export const ISSUE_SECTION_BYTES = 64 * 1024;
