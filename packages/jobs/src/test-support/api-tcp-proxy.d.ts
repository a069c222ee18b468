// The API's loopback relay for outage tests (packages/api/src/test-support/tcp-proxy.ts);
// vitest aliases this specifier to the API source (vitest.config.ts). Same shape for tsc.
declare module "@clinigraph/api/test-support/tcp-proxy" {
  export class TcpProxy {
    port: number;
    dropped: number;
    dropWhen: ((chunk: Buffer) => boolean) | null;
    constructor(targetPort: number, targetHost?: string);
    start(port?: number): Promise<this>;
    cut(): Promise<void>;
    restore(): Promise<void>;
    close(): Promise<void>;
  }
  export function refusedPort(): Promise<number>;
}
