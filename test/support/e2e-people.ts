import type { Browser, BrowserContext } from "playwright-core";
import { inject } from "vitest";
import { DESKTOP, openPage } from "./browser";
import { TEST_PASSWORD, createTestPerson, sessionCookieFor } from "./factories";

// Each e2e file creates the people it signs in as (decision 040), so no file depends on what another did to the
// shared demo accounts, nor on the order files run in. The seeded demo data stays what the pages show.

/** Where e2e people work unless a test says otherwise: a unit no e2e test counts heads in. */
export const E2E_DIVISION = "clerk-disaster";

export type E2ePerson = Awaited<ReturnType<typeof createE2ePerson>>;

/** A person of this file's own in the e2e server's database: active, password `TEST_PASSWORD`. */
export async function createE2ePerson(options: Parameters<typeof createTestPerson>[0] = {}) {
  const person = await createTestPerson({ divisionCode: E2E_DIVISION, ...options });
  return {
    ...person,
    password: options.password ?? TEST_PASSWORD,
    fullName: `${person.title}${person.firstName} ${person.lastName}`,
  };
}

/** A `Cookie` header signed in as `person`, for requests made without the browser (a session row written directly). */
export function cookieHeaderAs(person: { id: number }): Promise<string> {
  return sessionCookieFor(person.id);
}

/** Sign `person` in to `context` by a session row written directly (the Epic Stack's login fixture). */
export async function signInAs(context: BrowserContext, person: { id: number }) {
  const cookie = await cookieHeaderAs(person);
  const at = cookie.indexOf("=");
  await context.addCookies([{ name: cookie.slice(0, at), value: cookie.slice(at + 1), url: inject("baseUrl") }]);
}

/** `openPage` already signed in as `person`. */
export async function openPageAs(browser: Browser, person: { id: number }, viewport = DESKTOP) {
  const opened = await openPage(browser, inject("baseUrl"), viewport);
  await signInAs(opened.context, person);
  return opened;
}
