// The types of pkg/index.js: those of the glue it guards.
export * from './balans.js';
export { default } from './balans.js';
