import type { Role } from "~/domain/roles";
import { db } from "~/utils/db.server";
import { hashPassword } from "~/utils/password.server";
import { createSession } from "~/utils/session.server";

let serial = 0;
// Employee numbers must not collide between test files that share one database (the e2e server's): the process id
// alone can repeat modulo 10000, so a random tag is added.
const tag = `${process.pid % 10000}${Math.random().toString(36).slice(2, 5)}`;
let cachedHash: { password: string; hash: string } | undefined;

export const TEST_PASSWORD = "correct horse battery";

async function passwordHashFor(password: string) {
  if (cachedHash?.password !== password) cachedHash = { password, hash: await hashPassword(password) };
  return cachedHash.hash;
}

/** A person written straight to the database (a fixture, not a mock): active, with a password. */
export async function createTestPerson(
  options: {
    roles?: Role[];
    divisionCode?: string;
    password?: string;
    personnelType?: string;
    employeeNumber?: string;
    title?: string;
    firstName?: string;
    lastName?: string;
    position?: string;
  } = {},
) {
  const division = await db.division.findUniqueOrThrow({
    where: { code: options.divisionCode ?? "finance-procurement" },
  });
  serial += 1;
  const employeeNumber = options.employeeNumber ?? `T${tag}${String(serial).padStart(3, "0")}`;
  return db.person.create({
    data: {
      employeeNumber,
      title: options.title ?? "นาย",
      firstName: options.firstName ?? `ทดสอบ${serial}`,
      lastName: options.lastName ?? "ระบบ",
      position: options.position ?? "เจ้าหน้าที่ทดสอบ",
      personnelType: options.personnelType ?? "municipal_officer",
      divisionId: division.id,
      activeFrom: new Date("2020-01-01T00:00:00Z"),
      passwordHash: await passwordHashFor(options.password ?? TEST_PASSWORD),
      roles: { create: (options.roles ?? ["staff"]).map((role) => ({ role })) },
    },
  });
}

/** Sign in by writing the session row directly, as the Epic Stack's login fixture does. */
export async function sessionCookieFor(personId: number): Promise<string> {
  const token = await createSession(db, personId);
  return `sujarit_session=${token}`;
}
