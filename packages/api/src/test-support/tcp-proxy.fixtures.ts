import net from "node:net";

/**
 * A loopback TCP relay in front of the real Postgres or Redis, so a test can make "the
 * server" vanish for one process without restarting the shared service: `cut()` drops
 * every connection and leaves the port refusing new ones; `restore()` listens again on
 * the same port. `dropWhen` cuts a connection as soon as the client sends bytes that
 * match (e.g. Postgres's BEGIN), to fail a request midway.
 */
export class TcpProxy {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  port = 0;
  /** Connections dropped by dropWhen since the last reset. */
  dropped = 0;
  dropWhen: ((chunk: Buffer) => boolean) | null = null;

  constructor(
    private readonly targetPort: number,
    private readonly targetHost = "127.0.0.1",
  ) {}

  async start(port = 0): Promise<this> {
    const server = net.createServer((client) => this.relay(client));
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve());
    });
    this.server = server;
    this.port = (server.address() as net.AddressInfo).port;
    return this;
  }

  private relay(client: net.Socket): void {
    const upstream = net.connect(this.targetPort, this.targetHost);
    this.sockets.add(client).add(upstream);
    const close = () => {
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    client.on("data", (chunk: Buffer) => {
      if (this.dropWhen?.(chunk)) {
        this.dropped += 1;
        close();
        return;
      }
      upstream.write(chunk);
    });
    upstream.on("data", (chunk: Buffer) => client.write(chunk));
    client.on("close", close).on("error", close);
    upstream.on("close", close).on("error", close);
  }

  /** Drops every open connection; new ones are refused (nothing listens on the port). */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Listens again on the same port. */
  async restore(): Promise<void> {
    if (!this.server) await this.start(this.port);
  }

  async close(): Promise<void> {
    await this.cut();
  }
}

/** A loopback port on which nothing listens: connecting to it is refused at once. */
export async function refusedPort(): Promise<number> {
  const proxy = await new TcpProxy(1).start();
  const port = proxy.port;
  await proxy.close();
  return port;
}
