import { beforeAll, describe, expect, it } from "vitest";
import { fiscalYearOf } from "~/domain/fiscal-year";
import { planItemPage } from "~/models/plan/plan-item-page.server";
import { db } from "~/utils/db.server";
import { assignCourse } from "../support/assignments";
import { createTestPerson } from "../support/factories";

// An item page shows HR the people still missing from each indicator, with their division: the page reads the item
// directly and the division names from the divisions kept per process (decisions 054 and 059).

const year = fiscalYearOf(new Date());

beforeAll(async () => {
  await assignCourse("all", { fiscalYears: [year] });
});

describe("an item page for HR", () => {
  it("names each person still missing with their own division", async () => {
    await createTestPerson(); // someone who has passed nothing
    const knowledge = await db.planIndicator.findFirstOrThrow({
      where: { kind: "knowledge", instrument: "post-test", targetGroupCode: "all-personnel" },
    });
    const page = await planItemPage(knowledge.itemNumber, year, { roles: ["hr"] });
    expect(page.item.number).toBe(knowledge.itemNumber);
    const shown = page.indicators.flatMap((i) => i.missing);
    expect(shown.length).toBeGreaterThan(0);
    for (const missing of shown) {
      const row = await db.person.findUniqueOrThrow({ where: { id: missing.id }, include: { division: true } });
      expect(missing.division).toBe(row.division.name);
    }
    expect(shown.every((m) => m.division !== "")).toBe(true);
  });

  it("refuses an item that is not in the plan", async () => {
    await expect(planItemPage(999, year, { roles: ["hr"] })).rejects.toMatchObject({ status: 404 });
  });
});
