// The client of files-streaming.int.test.ts, in a process of its own so that the test's
// memory figures are the server's alone (a client sharing the heap holds its unsent body).
// A chunked multipart upload over a raw socket, sent 1 MB block by block on the parent's
// command, so the test can look at the server between blocks and cut the connection
// mid-body. Commands (IPC): {op: "blocks", n}, {op: "finish"}, {op: "abort"}, each acked
// with {op: "ack"}; it reports {op: "answered"} on the first byte of an answer and
// {op: "closed", answer} or {op: "closed", error} when the connection ends.
import net from "node:net";
import { setImmediate } from "node:timers";

const { UPLOAD_PORT, UPLOAD_KEY, UPLOAD_BOUNDARY, UPLOAD_BLOCK_HEAD } = process.env;
const MB = 1024 * 1024;
const BLOCK = Buffer.alloc(MB, 0x41);
Buffer.from(UPLOAD_BLOCK_HEAD, "base64").copy(BLOCK);

const socket = net.connect(Number(UPLOAD_PORT), "127.0.0.1");
let received = Buffer.alloc(0);
socket.on("data", (c) => {
  if (received.length === 0) process.send({ op: "answered" });
  received = Buffer.concat([received, c]);
});
socket.on("error", () => undefined); // EPIPE once the server has answered and closed
socket.on("close", () => {
  const text = received.toString("utf8");
  const split = text.indexOf("\r\n\r\n");
  if (split < 0) {
    process.send({ op: "closed", error: "no answer" });
  } else {
    const body = text.slice(split + 4);
    // Chunked answers carry one chunk: its size line, the JSON, then the terminator.
    const json = /^[0-9a-f]+\r\n/i.test(body) ? body.slice(body.indexOf("\r\n") + 2, body.lastIndexOf("}") + 1) : body;
    process.send({ op: "closed", answer: { status: Number(text.slice(9, 12)), body: JSON.parse(json) } });
  }
});

function write(data) {
  const b = Buffer.isBuffer(data) ? data : Buffer.from(data);
  const framed = Buffer.concat([Buffer.from(`${b.length.toString(16)}\r\n`), b, Buffer.from("\r\n")]);
  if (socket.destroyed) return Promise.resolve();
  // A server that stops reading answers and closes instead of draining.
  return socket.write(framed)
    ? Promise.resolve()
    : new Promise((resolve) => {
        const done = () => {
          socket.off("drain", done);
          socket.off("close", done);
          resolve();
        };
        socket.on("drain", done);
        socket.on("close", done);
      });
}

const started = (async () => {
  socket.write(
    `POST /files HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${UPLOAD_KEY}\r\nConnection: close\r\n` +
      `Content-Type: multipart/form-data; boundary=${UPLOAD_BOUNDARY}\r\nTransfer-Encoding: chunked\r\n\r\n`,
  );
  await write(
    `--${UPLOAD_BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
})();

// One command at a time, in order.
let queue = Promise.resolve();
process.on("message", (command) => {
  queue = queue.then(async () => {
    await started;
    if (command.op === "blocks") {
      for (let i = 0; i < command.n && !socket.destroyed; i++) {
        // A server that answered early closes without reading the rest, so its kernel resets
        // the connection: a write after that destroys the socket with the answer unread. Let
        // pending reads in first (a poll phase runs before setImmediate), and stop once
        // answered, as a client that reads its answer would.
        await new Promise((resolve) => setImmediate(resolve));
        if (received.length > 0) break;
        await write(BLOCK);
      }
    } else if (command.op === "finish") {
      await write(`\r\n--${UPLOAD_BOUNDARY}--\r\n`);
      if (!socket.destroyed) socket.write("0\r\n\r\n");
    } else if (command.op === "abort") {
      socket.destroy();
    }
    process.send({ op: "ack" });
  });
});
