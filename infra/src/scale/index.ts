export * from './scale-size';
export * from './scale-data';
export * from './scale-platform';
export * from './seed-scale';
