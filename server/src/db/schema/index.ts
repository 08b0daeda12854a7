export * from './org-units';
export * from './people';
export * from './records';
export * from './users';
export * from './jobs';
