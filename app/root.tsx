import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import sarabun400 from "@fontsource/sarabun/400.css";
import sarabun600 from "@fontsource/sarabun/600.css";
import sarabun700 from "@fontsource/sarabun/700.css";
import { ErrorPage, isConnectionError } from "~/components/error-page";
import { useNonce } from "~/components/nonce";
import { PlainLinkNavigation } from "~/components/plain-link";
import { SiteHeader } from "~/components/site-header";
import { PublicHeader } from "~/components/public-header";
import { isPublicPath, navigationFor } from "~/domain/navigation";
import { ROLE_LABELS } from "~/domain/roles";
import appStyles from "~/styles/app.css";
import { getCurrentUser } from "~/utils/auth.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: sarabun400 },
  { rel: "stylesheet", href: sarabun600 },
  { rel: "stylesheet", href: sarabun700 },
  { rel: "stylesheet", href: appStyles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "สุจริต · เทศบาลนครลำปาง" }];

export async function loader({ request }: LoaderFunctionArgs) {
  // Public pages (the complaint channel) have their own layout and never read the session: nothing about a
  // signed-in visitor is touched while they report (decision 031).
  if (isPublicPath(new URL(request.url).pathname)) return json({ user: null, nav: [], publicPage: true });
  const user = await getCurrentUser(request);
  return json({
    publicPage: false,
    user: user
      ? {
          name: `${user.title}${user.firstName} ${user.lastName}`,
          position: user.position,
          divisionName: user.divisionName,
          roleLabels: user.roles.map((r) => ROLE_LABELS[r]),
        }
      : null,
    nav: user ? navigationFor(user.roles) : [],
  });
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  return (
    <html lang="th">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <PlainLinkNavigation>
          {data?.publicPage ? <PublicHeader /> : <SiteHeader user={data?.user ?? null} nav={data?.nav ?? []} />}
          <main id="main">{children}</main>
        </PlainLinkNavigation>
        <footer className="site-footer no-print">ระบบสุจริต · เทศบาลนครลำปาง</footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error)) {
    const message = typeof error.data?.message === "string" ? error.data.message : undefined;
    return <ErrorPage status={error.status} message={message} />;
  }
  // A fetch that never reached the server (network lost, server down) is not a bug in the page: say to try again.
  return <ErrorPage status={500} offline={isConnectionError(error)} />;
}
