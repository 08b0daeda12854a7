/**
 * Scope in SQL: a unit's subtree is every row whose materialised path starts with the unit's path.
 * Shared by the repositories of every feature that reads by organisation subtree.
 */
import { like, type Column } from 'drizzle-orm';

/** `text` with LIKE's wildcards (%, _) and its escape character (\\) escaped, to be matched literally. */
export const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A LIKE pattern matching every text that starts with `prefix`. */
export const likePrefix = (prefix: string) => `${likeEscape(prefix)}%`;

/** A LIKE pattern matching every text that contains `part`. */
export const likeContains = (part: string) => `%${likeEscape(part)}%`;

/** Rows whose path lies inside the subtree rooted at `path`. */
export const inSubtree = (column: Column, path: string) => like(column, likePrefix(path));
