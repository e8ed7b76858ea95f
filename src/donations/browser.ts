/**
 * The donations domain's browser-safe entry: the meter and support box markup that the server's pages,
 * meter.js and the comment widget all draw. Pure functions to escaped HTML; no Node, no database.
 */
export { meterMarkup, supportBoxMarkup, type MeterFigures } from './markup/meter.js';
