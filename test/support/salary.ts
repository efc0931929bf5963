import { db } from "~/utils/db.server";

let roundSerial = 0;

/**
 * A salary round written straight to the database (a fixture): the people in its scope get an appraisal. Each
 * round gets its own effective date (the column is unique); pass `publishedAt: null` for an unpublished round.
 */
export async function createPublishedRound(options: {
  people: { id: number }[];
  surveyClosesAt: Date | null;
  fiscalYear?: number;
  publishedAt?: Date | null;
  title?: string;
}) {
  roundSerial += 1;
  const creator = options.people[0] ?? (await db.person.findFirstOrThrow());
  // Unique per round and per test file (effectiveDate is unique across the database copy).
  const effectiveDate = new Date(Date.UTC(2000 + (process.pid % 50), 0, 1) + roundSerial * 86_400_000);
  return db.salaryRound.create({
    data: {
      fiscalYear: options.fiscalYear ?? 2570,
      effectiveDate,
      title: options.title ?? `รอบทดสอบ ${roundSerial}`,
      stepPersonnelTypes: JSON.stringify(["municipal_officer", "permanent_employee"]),
      stepCapHalfSteps: 3,
      percentCapBasisPoints: 600,
      poolBaht: 1_000_000,
      appealDays: 30,
      publishedAt: options.publishedAt === undefined ? new Date(Date.now() - 86_400_000) : options.publishedAt,
      surveyClosesAt: options.surveyClosesAt,
      createdAt: new Date(),
      createdById: creator.id,
      appraisals: {
        create: options.people.map((p) => ({ personId: p.id, increaseType: "steps", baseSalaryBaht: 20_000 })),
      },
    },
  });
}

export const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);

/** Round creation is two steps: the preview states how many people (nothing written), then the confirmed create. */
export async function createRoundConfirmed(
  client: { post: (path: string, form: Record<string, string | string[]>) => Promise<Response> },
  form: Record<string, string | string[]>,
) {
  const preview = await client.post("/salary/rounds/new", { ...form, intent: "preview" });
  const html = await preview.text();
  const people = /name="confirmedPeople" value="(\d+)"/.exec(html)?.[1];
  if (!people) throw new Error(`no confirmation step (status ${preview.status})`);
  return {
    people: Number(people),
    html,
    created: await client.post("/salary/rounds/new", { ...form, intent: "create", confirmedPeople: people }),
  };
}
