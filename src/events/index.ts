export { createLocalEventBus, type EventBus, type EventHandler, type TribuneEvent } from './bus.js';
export { compareEventIds, EVENT_ID, eventIdAt, isReplayed, type LoggedEvent, type Replay } from './event-log.js';
