import { createContext, useContext } from "react";

/**
 * This response's Content-Security-Policy nonce, provided by entry.server.tsx for the whole render. The root loader's
 * copy is missing when the root error boundary shows an action's error (a thrown 429, say: loaders do not run), and
 * scripts without the nonce are blocked. In the browser there is no provider: the page has already run its scripts.
 */
export const CspNonceContext = createContext("");

export const useCspNonce = () => useContext(CspNonceContext);
