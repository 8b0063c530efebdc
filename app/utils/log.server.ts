// Server log lines: no personal data, no request bodies. The reference ties a 500 page to its log line.
export function logError(error: unknown, reference: string | undefined) {
  const e = error instanceof Error ? error : new Error(String(error));
  console.error(`[error] ref=${reference ?? "none"} ${e.name}: ${e.message}\n${e.stack?.split("\n").slice(1, 6).join("\n") ?? ""}`);
}

export function logInfo(message: string) {
  console.log(`[info] ${message}`);
}
