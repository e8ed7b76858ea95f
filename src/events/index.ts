export { createLocalEventBus, type EventBus, type EventHandler, type TribuneEvent } from './bus.js';
