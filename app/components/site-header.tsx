import { Form, useLocation } from "@remix-run/react";
import { useState } from "react";
import { isCurrentNavItem, type NavItem } from "~/domain/navigation";
import { PlainLink } from "./plain-link";

export type HeaderUser = { name: string; position: string; divisionName: string; roleLabels: string[] };

export function SiteHeader({ user, nav }: { user: HeaderUser | null; nav: NavItem[] }) {
  const [open, setOpen] = useState(false);
  // One location for the whole menu (a NavLink per item resolves and matches its own).
  const { pathname } = useLocation();
  return (
    <header>
      <a className="skip-link" href="#main">
        ข้ามไปยังเนื้อหา
      </a>
      <div className="site-header">
        <div className="site-header__bar">
          <a className="site-brand" href="/">
            <strong>สุจริต</strong>
            <span>เทศบาลนครลำปาง · แผนปฏิบัติการป้องกันการทุจริต พ.ศ. ๒๕๖๖–๒๕๗๐</span>
          </a>
          {user ? (
            <div className="site-user">
              <span>
                <a href="/account" data-testid="signed-in-name">
                  {user.name}
                </a>
                <span className="hide-narrow"> · {user.roleLabels.join(", ")}</span>
              </span>
              <Form method="post" action="/logout">
                <button type="submit" className="btn btn--secondary">
                  ออกจากระบบ
                </button>
              </Form>
            </div>
          ) : null}
        </div>
      </div>
      {user ? (
        <nav className="site-nav" aria-label="เมนูหลัก" data-open={open ? "true" : "false"}>
          <div className="nav-toggle">
            <button type="button" aria-expanded={open} onClick={() => setOpen((v) => !v)}>
              ☰ เมนู
            </button>
          </div>
          <ul>
            {nav.map((item) => {
              const current = isCurrentNavItem(item.to, pathname);
              return (
                <li key={item.to}>
                  <PlainLink
                    to={item.to}
                    aria-current={current ? "page" : undefined}
                    className={current ? "active" : undefined}
                    onClick={() => setOpen(false)}
                  >
                    {item.label}
                  </PlainLink>
                </li>
              );
            })}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}
