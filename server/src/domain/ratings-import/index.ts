/**
 * Importing the year-end ratings of a unit from the officer's spreadsheet: reading the sheet (parse.ts,
 * with its header found by header.ts and its cells read by values.ts) and finding who each row names
 * (match.ts). Pure: the service reads the file and the people, and writes what was accepted.
 */
export * from './header';
export * from './match';
export * from './parse';
export * from './values';
