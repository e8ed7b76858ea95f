/** Timestamps are stored as UTC ISO-8601 text, which sorts correctly as text on both engines. */
export function toDbTime(date: Date): string {
  return date.toISOString();
}

export function addSeconds(date: Date, seconds: number): Date {
  return new Date(date.getTime() + seconds * 1000);
}
