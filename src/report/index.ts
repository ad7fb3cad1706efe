export * from './model.js';
export * from './check.js';
export * from './cells.js';
export * from './render.js';
