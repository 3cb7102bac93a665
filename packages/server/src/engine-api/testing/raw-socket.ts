import WebSocket from 'ws';

/** A plain JSON-RPC socket for what enigma cannot do: interleaved requests by id. */
export interface RawSocket {
  send(id: number, handle: number, method: string, params?: unknown[]): void;
  reply(id: number): Promise<{ result?: Record<string, unknown>; error?: { code: number } }>;
  close(): void;
}

export async function openRawSocket(port: number, path: string, key: string): Promise<RawSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}${path}`, {
    headers: { Authorization: `Bearer ${key}` },
  });
  type Reply = { result?: Record<string, unknown>; error?: { code: number } };
  const replies = new Map<number, Reply>();
  const waiting = new Map<number, (reply: Reply) => void>();
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as Reply & { id?: number };
    if (typeof message.id !== 'number') return;
    replies.set(message.id, message);
    waiting.get(message.id)?.(message);
  });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  return {
    send: (id, handle, method, params = []) =>
      ws.send(JSON.stringify({ jsonrpc: '2.0', id, handle, method, params })),
    reply: (id) =>
      new Promise((resolve) => {
        const known = replies.get(id);
        if (known) resolve(known);
        else waiting.set(id, resolve);
      }),
    close: () => ws.close(),
  };
}
