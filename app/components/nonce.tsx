import { createContext, useContext } from "react";

// The Content-Security-Policy nonce of this response (made by server.mjs, passed in by entry.server.tsx), for
// Remix's inline scripts. In the browser it is empty: the browser hides nonces from the page after checking them.
const NonceContext = createContext("");

export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
