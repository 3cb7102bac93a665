/** The REST shapes the hub reads, as Qlik Cloud defines them (research/rest-api.md §2). */

export interface User {
  readonly id: string;
  readonly name?: string;
  readonly email?: string;
}

export interface Space {
  readonly id: string;
  readonly name: string;
  readonly type: 'shared' | 'managed' | 'data' | string;
  readonly description?: string;
}

export interface Item {
  readonly id: string;
  readonly name: string;
  readonly resourceType: string;
  readonly resourceId: string;
  readonly spaceId?: string | null;
  readonly resourceReloadStatus?: string;
  readonly resourceReloadEndTime?: string;
  readonly updatedAt?: string;
}

export interface NxApp {
  readonly attributes: {
    readonly id: string;
    readonly name: string;
    readonly spaceId?: string;
    readonly lastReloadTime?: string;
    readonly description?: string;
  };
  readonly privileges?: readonly string[];
}

export type ReloadStatus =
  | 'QUEUED'
  | 'RELOADING'
  | 'CANCELING'
  | 'SUCCEEDED'
  | 'FAILED'
  | 'CANCELED'
  | 'EXCEEDED_LIMIT';

export interface Reload {
  readonly id: string;
  readonly appId: string;
  readonly status: ReloadStatus;
  readonly creationTime?: string;
  readonly startTime?: string;
  readonly endTime?: string;
  readonly errorCode?: string;
  readonly errorMessage?: string;
  readonly log?: string;
}

export interface DataFileConnection {
  readonly id: string;
  readonly name: string;
  readonly spaceId?: string | null;
}

export interface DataFile {
  readonly id: string;
  readonly name: string;
  readonly size?: number;
  readonly spaceId?: string | null;
  readonly modifiedDate?: string;
}

export interface ListEnvelope<T> {
  readonly data: readonly T[];
  readonly links?: { readonly next?: { readonly href: string | null } };
}
