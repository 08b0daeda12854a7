export * from './files';
export * from './org-units';
export * from './people';
export * from './records';
export * from './users';
export * from './documents';
export * from './calendar';
export * from './jobs';
