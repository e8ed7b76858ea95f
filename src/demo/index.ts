export { DEMO_ADMIN, needsSeed, seedDemo, type DemoDeps } from './seed.js';
