// A separate server process for the concurrency test: its own database connection, serving POST /sessions/new and
// POST /sessions/:id/move through the real route actions. Prints its port on stdout once listening.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import * as moveRoute from "~/routes/sessions.$sessionId.move";
import * as bookRoute from "~/routes/sessions.new";

export async function toFetchRequest(req: import("node:http").IncomingMessage): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new Request(`http://127.0.0.1${req.url}`, {
    method: req.method,
    headers: req.headers as Record<string, string>,
    body: req.method === "POST" ? Buffer.concat(chunks) : undefined,
  });
}

/** An HTTP server on a free loopback port that answers with the action's status code. */
export function startBookingServer() {
  const server = createServer(async (req, res) => {
    try {
      const move = /^\/sessions\/([^/]+)\/move$/.exec(req.url ?? "");
      const context = { requestId: "CONCURRENCY", cspNonce: "" };
      const request = await toFetchRequest(req);
      const result = move
        ? await moveRoute.action({ request, params: { sessionId: move[1] }, context })
        : await bookRoute.action({ request, params: {}, context });
      const status = result instanceof Response ? result.status : ((result as { init?: ResponseInit }).init?.status ?? 200);
      res.writeHead(status).end();
    } catch (thrown) {
      res.writeHead(thrown instanceof Response ? thrown.status : 500).end(thrown instanceof Response ? "" : String(thrown));
    }
  });
  return new Promise<{ port: number; close: () => Promise<void> }>((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ port: (server.address() as AddressInfo).port, close: () => new Promise<void>((done) => server.close(() => done())) }),
    ),
  );
}

if (process.argv[1]?.endsWith("booking-server.ts")) {
  const { port } = await startBookingServer();
  process.stdout.write(`${port}\n`);
}
