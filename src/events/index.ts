export { createLocalEventBus, type EventBus, type EventHandler } from './bus.js';
export type { Channel, EventChannels, EventOn, EventType, TribuneEvent } from './channels.js';
export { compareEventIds, EVENT_ID, eventIdAt, isReplayed, type LoggedEvent, type Replay } from './event-log.js';
