import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/** Real servers that misbehave the ways a subgraph can: stalled, gone, or dropping a connection. */
export interface FaultServer {
  url: string;
  /** HTTP requests (or TCP connections, for the stalled server) received so far. */
  hits(): number;
  close(): Promise<void>;
}

/** Accepts connections and never answers, as a subgraph under `kill -STOP` does. */
export async function startStalledServer(): Promise<FaultServer> {
  const sockets = new Set<Socket>();
  let hits = 0;
  const server: TcpServer = createTcpServer((socket) => {
    hits += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    hits: () => hits,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** An address where nothing listens any more (a crashed subgraph). */
export async function deadAddress(): Promise<string> {
  const server = createTcpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/graphql`;
}

/**
 * Drops the connection of the first `drops` requests without answering, then forwards the rest
 * to `target` (a real subgraph) or answers them with `answer`.
 */
export async function startDroppingServer(options: { drops: number; target?: string; answer?: unknown }): Promise<FaultServer> {
  let hits = 0;
  const server: HttpServer = createHttpServer((req, res) => {
    hits += 1;
    if (hits <= options.drops) {
      req.socket.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (!options.target) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(options.answer ?? { data: {} }));
        return;
      }
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(([name, value]) => typeof value === 'string' && !['host', 'content-length', 'connection'].includes(name)),
      ) as Record<string, string>;
      // Relay to the real subgraph; a relay that fails shows as a dropped connection.
      void (async () => {
        const response = await fetch(options.target!, { method: 'POST', headers, body: Buffer.concat(chunks) });
        res.writeHead(response.status, { 'content-type': response.headers.get('content-type') ?? 'application/json' });
        res.end(Buffer.from(await response.arrayBuffer()));
      })().catch(() => req.socket.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    hits: () => hits,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
