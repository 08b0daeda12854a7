/**
 * Scope in SQL: a unit's subtree is every row whose materialised path starts with the unit's path.
 * Shared by the repositories of every feature that reads by organisation subtree.
 */
import { like, type Column } from 'drizzle-orm';

/** A LIKE pattern matching every text that starts with `prefix` (%, _ and \\ escaped). */
export const likePrefix = (prefix: string) => `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Rows whose path lies inside the subtree rooted at `path`. */
export const inSubtree = (column: Column, path: string) => like(column, likePrefix(path));
