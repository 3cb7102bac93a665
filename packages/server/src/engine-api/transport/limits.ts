/** Protective limits of the Engine API; one object so the platform can tune them in one place. */
export interface EngineLimits {
  /** Largest accepted text frame in bytes; bigger frames close the socket with 1009. */
  readonly maxFrameBytes: number;
  /** Requests one socket may have queued or running; more closes it (flood). */
  readonly maxPendingRequests: number;
  /** Bytes buffered toward a slow reader before its socket is closed. */
  readonly maxBufferedBytes: number;
  /** Session (non-persisted) objects one session may hold. */
  readonly maxSessionObjects: number;
  /** Session objects all sessions of one tenant may hold together. */
  readonly maxTenantObjects: number;
  /** Upper bound for `/ttl/<seconds>`. */
  readonly maxTtlSeconds: number;
  /** Cells one data page may hold (Qlik's limit; error 7009 beyond). */
  readonly maxPageCells: number;
}

export const DEFAULT_LIMITS: EngineLimits = {
  maxFrameBytes: 8 * 1024 * 1024,
  maxPendingRequests: 256,
  maxBufferedBytes: 32 * 1024 * 1024,
  maxSessionObjects: 2000,
  maxTenantObjects: 50_000,
  maxTtlSeconds: 3600,
  maxPageCells: 10_000,
};

/** WebSocket close codes the engine uses (engine-protocol.md §1.8: avoid 4000, use 4001-4999). */
export const CloseCode = {
  normal: 1000,
  policy: 1008,
  tooBig: 1009,
  internal: 1011,
  appDeleted: 4001,
  floodOrSlow: 4002,
  sessionEnded: 4003,
} as const;
