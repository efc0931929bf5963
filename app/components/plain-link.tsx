import { useNavigate } from "@remix-run/react";
import { createContext, useContext, type ComponentPropsWithoutRef, type MouseEvent, type ReactNode } from "react";

// Remix's <Link> resolves its path and sets up prefetching and a click handler on every render: about 50 µs each on
// the server (decision 060), which is most of the render of a page listing a hundred indicators. A PlainLink is an
// <a> with an absolute href that navigates on the client through one navigate function the root provides: the same
// client-side navigation for a plain click, the browser's own behaviour for a new tab, a download or no JavaScript.

type Navigate = (to: string) => void;
const NavigateContext = createContext<Navigate | null>(null);

/** Put once around the app: the one navigate function every PlainLink uses. */
export function PlainLinkNavigation({ children }: { children: ReactNode }) {
  const navigate = useNavigate();
  return <NavigateContext.Provider value={navigate}>{children}</NavigateContext.Provider>;
}

/** A click the app should handle itself: the main button, no modifier key, not already handled. */
function isPlainClick(event: MouseEvent<HTMLAnchorElement>) {
  return (
    !event.defaultPrevented &&
    event.button === 0 &&
    !event.metaKey &&
    !event.altKey &&
    !event.ctrlKey &&
    !event.shiftKey &&
    !event.currentTarget.target &&
    !event.currentTarget.hasAttribute("download")
  );
}

/** A link to a path in this app (`to` starts with "/"), for long lists and menus. */
export function PlainLink({
  to,
  children,
  onClick,
  ...rest
}: { to: `/${string}`; children: ReactNode } & Omit<ComponentPropsWithoutRef<"a">, "href">) {
  const navigate = useContext(NavigateContext);
  return (
    <a
      {...rest}
      href={to}
      onClick={(event) => {
        onClick?.(event);
        if (!navigate || !isPlainClick(event)) return;
        event.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}
