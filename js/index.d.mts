// The types of pkg-node/index.mjs: those of the glue it guards.
export * from './balans.js';
