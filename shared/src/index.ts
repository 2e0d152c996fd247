export * from './errors';
export * from './geo';
export * from './validation';
export * from './schemas/stations';
export * from './api/stations';
