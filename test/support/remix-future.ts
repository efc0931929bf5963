/** Remix's future flags, all off: what the patch tests' hand-made builds and render contexts give the libraries. */
export const FUTURE_FLAGS_OFF = {
  v3_fetcherPersist: false,
  v3_relativeSplatPath: false,
  v3_throwAbortReason: false,
  v3_singleFetch: false,
  v3_lazyRouteDiscovery: false,
  unstable_optimizeDeps: false,
  v3_routeConfig: false,
};
