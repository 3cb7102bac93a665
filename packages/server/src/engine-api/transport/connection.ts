import type { FastifyBaseLogger } from 'fastify';
import type { WebSocket } from 'ws';
import type { Json, JsonObject } from '../deps.js';
import { asEngineError, EngineError, ErrorCode } from '../protocol/engine-error.js';
import { HandleTable } from '../session/handle-table.js';
import {
  errorMessage,
  type Lists,
  notification,
  parseRequest,
  pushMessage,
  type RpcRequest,
  resultMessage,
  salvageId,
} from './envelope.js';
import { CloseCode, type EngineLimits } from './limits.js';

/** Runs one request against this connection's session; supplied by the method layer. */
export type Dispatch = (connection: Connection, request: RpcRequest) => Promise<JsonObject>;

/** What a connection needs from its session: a serial queue and the post-request fan-out. */
export interface ConnectionHost {
  /** Runs tasks one at a time per session, yielding to the event loop between them. */
  run(task: () => Promise<void>): void;
  /** Pushes pending change/close lists to the session's other sockets. */
  flushOthers(except: Connection): void;
  detach(connection: Connection): void;
}

const OUT_OF_QUEUE = new Set(['CancelRequest', 'AbortRequest', 'AbortAll', 'GetProgress']);

interface InFlight {
  cancelled: boolean;
}

/** One WebSocket: its handles, validity bits, pending requests and the write side. */
export class Connection {
  readonly handles = new HandleTable();
  private readonly pendingChange = new Set<number>();
  private readonly pendingClose = new Set<number>();
  private readonly inFlight = new Map<string, InFlight>();
  private closed = false;

  constructor(
    private readonly socket: WebSocket,
    private readonly host: ConnectionHost,
    private readonly dispatch: Dispatch,
    private readonly limits: EngineLimits,
    readonly logger: FastifyBaseLogger,
  ) {
    socket.on('message', (data, isBinary) => this.receive(data, isBinary));
    socket.on('close', () => this.onClosed());
    socket.on('error', (error) => this.logger.warn({ err: error }, 'engine socket error'));
  }

  notify(method: string, params: JsonObject): void {
    this.send(notification(method, params));
  }

  markChanged(handle: number): void {
    this.pendingChange.add(handle);
  }

  markClosed(handle: number): void {
    this.pendingChange.delete(handle);
    this.pendingClose.add(handle);
  }

  /** Pushes pending lists as an id-less message (changes caused elsewhere). */
  flush(): void {
    const lists = this.takeLists();
    if (lists.change.length > 0 || lists.close.length > 0) this.send(pushMessage(lists));
  }

  /** Marks a queued or running request cancelled and answers it now with 15. */
  cancel(requestId: Json): boolean {
    const key = JSON.stringify(requestId);
    const flight = this.inFlight.get(key);
    if (!flight || flight.cancelled) return false;
    flight.cancelled = true;
    this.send(
      errorMessage(
        requestId as RpcRequest['id'],
        new EngineError(ErrorCode.aborted, 'Request aborted', 'Request aborted'),
        { change: [], close: [] },
      ),
    );
    return true;
  }

  cancelAll(exceptId: RpcRequest['id']): void {
    for (const key of [...this.inFlight.keys()]) {
      const id = JSON.parse(key) as Json;
      if (id !== exceptId) this.cancel(id);
    }
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.close(code, reason);
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  private takeLists(): Lists {
    const lists = { change: [...this.pendingChange], close: [...this.pendingClose] };
    this.pendingChange.clear();
    this.pendingClose.clear();
    return lists;
  }

  private send(message: JsonObject): void {
    if (this.closed) return;
    if (this.socket.bufferedAmount > this.limits.maxBufferedBytes) {
      this.logger.warn(
        { buffered: this.socket.bufferedAmount },
        'engine socket closed: slow reader',
      );
      this.close(CloseCode.floodOrSlow, 'Slow reader: too much unread data');
      return;
    }
    this.socket.send(JSON.stringify(message));
  }

  private receive(data: unknown, isBinary: boolean): void {
    if (this.closed) return;
    const text = isBinary ? null : Buffer.isBuffer(data) ? data.toString('utf8') : String(data);
    let request: RpcRequest;
    try {
      if (text === null) {
        throw new EngineError(ErrorCode.invalidRequest, 'message', 'Invalid request: binary frame');
      }
      request = parseRequest(text);
    } catch (error) {
      const engineError =
        asEngineError(error) ?? new EngineError(ErrorCode.parse, '', 'Parse error');
      this.send(errorMessage(text ? salvageId(text) : null, engineError, this.takeLists()));
      return;
    }
    if (this.inFlight.size >= this.limits.maxPendingRequests) {
      this.logger.warn({ pending: this.inFlight.size }, 'engine socket closed: request flood');
      this.close(CloseCode.floodOrSlow, 'Too many pending requests');
      return;
    }
    // Cancellation and progress must not wait behind the request they are about (DoReload).
    if (request.handle === -1 && OUT_OF_QUEUE.has(request.method)) {
      void this.execute(request, { cancelled: false });
      return;
    }
    const key = JSON.stringify(request.id);
    const flight: InFlight = { cancelled: false };
    this.inFlight.set(key, flight);
    this.host.run(async () => {
      try {
        if (!flight.cancelled) await this.execute(request, flight);
      } finally {
        this.inFlight.delete(key);
      }
    });
  }

  private async execute(request: RpcRequest, flight: InFlight): Promise<void> {
    let message: JsonObject;
    try {
      const result = await this.dispatch(this, request);
      message = resultMessage(request.id, result, this.takeLists());
    } catch (error) {
      const engineError = asEngineError(error);
      if (!engineError) {
        this.logger.error({ err: error, method: request.method }, 'engine method failed');
      }
      const answer =
        engineError ?? new EngineError(ErrorCode.internal, request.method, 'Internal error');
      message = errorMessage(request.id, answer, this.takeLists());
    }
    if (flight.cancelled) {
      // The client already has its 15; keep the lists for the next message.
      const lists = message as { change?: number[]; close?: number[] };
      for (const h of lists.change ?? []) this.pendingChange.add(h);
      for (const h of lists.close ?? []) this.pendingClose.add(h);
      return;
    }
    if (request.id !== null) this.send(message);
    this.host.flushOthers(this);
  }

  private onClosed(): void {
    this.closed = true;
    for (const flight of this.inFlight.values()) flight.cancelled = true;
    this.host.detach(this);
  }
}
