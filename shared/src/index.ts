export * from './errors';
export * from './geo';
export * from './validation';
export * from './roles';
export * from './case-lifecycle';
export * from './schemas/stations';
export * from './api/stations';
