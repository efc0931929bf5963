import type { Prisma } from "@prisma/client";
import type { Actor } from "~/domain/actor";
import { fullName } from "~/domain/personnel";
import { refusal } from "~/domain/refusal";
import { db } from "~/utils/db.server";

export type PersonMatch = { employeeNumber: string; name: string; position: string; unit: string };

const MAX_MATCHES = 10;

/** Each word typed must match the number, the first or last name, the title+name, the position or the unit. */
function whereTyped(q: string): Prisma.PersonWhereInput {
  const words = q.trim().split(/\s+/).filter(Boolean).slice(0, 4);
  return {
    AND: words.map((word) => ({
      OR: [
        { employeeNumber: { startsWith: word } },
        { firstName: { contains: word } },
        { lastName: { contains: word } },
        { position: { contains: word } },
        { division: { name: { contains: word } } },
        ...(/^(นาย|นางสาว|นาง)/.test(word)
          ? [{ firstName: { startsWith: word.replace(/^(นางสาว|นาย|นาง)/, "") } }]
          : []),
      ],
    })),
  };
}

/** People matching what was typed (name, employee number or unit), for the person picker: at most 10. */
export async function searchPeople(actor: Actor | null, q: string): Promise<PersonMatch[]> {
  if (!actor) throw refusal(401, "กรุณาเข้าสู่ระบบ");
  if (!q.trim()) return [];
  const people = await db.person.findMany({
    where: { ...whereTyped(q), deactivatedAt: null },
    include: { division: true },
    orderBy: [{ firstName: "asc" }, { employeeNumber: "asc" }],
    take: MAX_MATCHES,
  });
  return people.map((p) => ({
    employeeNumber: p.employeeNumber,
    name: fullName(p),
    position: p.position,
    unit: p.division.name,
  }));
}

/**
 * What a person typed where an employee number is expected: the number itself, or the number of the one
 * person whose name it is (unambiguous only). Anything else comes back unchanged, so the page says "not found".
 */
export async function resolvePersonNumber(typed: string): Promise<string> {
  const text = typed.trim();
  if (!text || /^[A-Za-z]*\d+$/.test(text)) return text;
  const byNumber = await db.person.findUnique({ where: { employeeNumber: text }, select: { employeeNumber: true } });
  if (byNumber) return text;
  const matches = await db.person.findMany({
    where: whereTyped(text),
    select: { employeeNumber: true, firstName: true, lastName: true, title: true },
    take: 2,
  });
  if (matches.length === 1) return matches[0]!.employeeNumber;
  // Several people: an exact full name still decides ("นายชยพล ศรีวิชัย" or "ชยพล ศรีวิชัย").
  const exact = matches.filter((p) =>
    [fullName(p), `${p.firstName} ${p.lastName}`, p.firstName].includes(text.replace(/\s+/g, " ")),
  );
  return exact.length === 1 ? exact[0]!.employeeNumber : text;
}
