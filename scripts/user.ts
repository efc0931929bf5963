// npm run user -- create --username <employee number> --name "<Thai name>" --roles admin,hr --password-stdin
// Creates or updates an account from the shell: how the first admin of a real installation is made.
import { parseArgs } from "node:util";
import { isRole, type Role } from "~/domain/roles";
import { isRefusal } from "~/domain/refusal";
import { upsertAccountFromShell } from "~/models/people/people.server";
import { db } from "~/utils/db.server";
import { MIN_PASSWORD_LENGTH } from "~/utils/password.server";

const USAGE = `usage: npm run user -- create --username <employee number> --name "<Thai name>" --roles admin,hr [--division <code>] [--position "<Thai>"] --password-stdin
  The password is read from standard input (first line), so it never appears in the shell history.`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      username: { type: "string" },
      name: { type: "string" },
      roles: { type: "string", default: "staff" },
      division: { type: "string" },
      position: { type: "string" },
      "password-stdin": { type: "boolean", default: false },
    },
  });
  if (positionals[0] !== "create" || !values.username || !values.name || !values["password-stdin"]) {
    console.error(USAGE);
    return 2;
  }
  if (!/^[0-9A-Za-z-]{3,20}$/.test(values.username)) {
    console.error("error: --username must be 3–20 digits or letters (the employee number)");
    return 2;
  }
  const roleNames = values
    .roles!.split(",")
    .map((r) => r.trim())
    .filter(Boolean);
  const unknown = roleNames.filter((r) => !isRole(r));
  if (unknown.length || roleNames.length === 0) {
    console.error(`error: unknown role(s): ${unknown.join(", ") || "(none)"}; use staff, hr, manager, admin`);
    return 2;
  }
  const roles = [...new Set<Role>(["staff", ...(roleNames as Role[])])];
  const password = await readStdin();
  if (password.length < MIN_PASSWORD_LENGTH) {
    console.error(`error: the password (from standard input) must be at least ${MIN_PASSWORD_LENGTH} characters`);
    return 2;
  }
  const { person, created } = await upsertAccountFromShell({
    employeeNumber: values.username,
    name: values.name,
    roles,
    password,
    divisionCode: values.division,
    position: values.position,
  });
  console.log(`${created ? "created" : "updated"} ${person.employeeNumber} (${roles.join(", ")})`);
  return 0;
}

main()
  .then((code) => (process.exitCode = code))
  .catch((error) => {
    console.error(isRefusal(error) ? `error: ${error.message}` : error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
