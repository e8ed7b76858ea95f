// Owned by the donations domain (issue 5): add its tables here.
export interface DonationsTables {}
