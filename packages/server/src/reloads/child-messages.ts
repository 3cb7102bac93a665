import type { ModelMetadata } from './reload-runner.js';

/** Messages over the IPC channel between the server and one reload process. */
export type ToChild =
  | { type: 'start'; script: string; partial: boolean; memoryMb: number }
  | { type: 'file'; id: number; bytes?: Uint8Array; error?: string }
  | { type: 'list'; id: number; paths?: string[]; error?: string };

export type FromChild =
  | { type: 'read'; id: number; path: string }
  | { type: 'list'; id: number; pattern: string }
  | { type: 'log'; line: string }
  | {
      type: 'done';
      model: Uint8Array;
      metadata: ModelMetadata;
      variables: Record<string, string>;
    }
  | { type: 'failed'; code: string; message: string };
