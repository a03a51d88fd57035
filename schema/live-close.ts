/**
 * The close code of a live socket whose session ended, whose token was revoked or whose account changed:
 * the client stops reconnecting (every try would be refused) until the person acts. A module of its own,
 * with no imports, so the workspace takes the number without the live messages' zod schemas.
 */
export const signedOutCode = 4401;
