import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Random per-request id: the reference shown on error pages and logged with the error. */
    requestId: string;
    /** Nonce for inline scripts allowed by the Content-Security-Policy. */
    cspNonce: string;
  }
}

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}
