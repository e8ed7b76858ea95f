// Owned by the comments domain (issue 3): add its tables here.
export interface CommentsTables {}
