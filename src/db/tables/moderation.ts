// Owned by the moderation domain (issue 4): add its tables here.
export interface ModerationTables {}
