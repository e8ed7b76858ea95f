/** Instances serving this database (heartbeats), see src/instances.ts. */
export interface InstancesTable {
  id: string;
  host: string;
  has_redis: number;
  started_at: string;
  heartbeat_at: string;
}

export interface InstancesTables {
  instances: InstancesTable;
}
