import type { PrismaClient } from "@prisma/client";
import type { Actor } from "~/domain/actor";
import type { FollowUpStatus, RiskType } from "~/domain/risks";
import { bangkokMidnightUtc } from "~/domain/thai-date";
import { recordReportEntry } from "~/models/plan-reports/entries.server";
import { freezePlanReport } from "~/models/plan-reports/freeze.server";
import { recordFollowUp, recordResidual } from "~/models/risks/follow-up.server";
import { consolidateRegister, createRisk, publishRegister } from "~/models/risks/register.server";

// Demo fraud-risk registers for FY 2567–2570 (FY 2566 is Part 1's own table, synced from content), with follow-ups,
// actual spending for some items, and a frozen FY 2569 annual report. FY 2570: consolidated, not yet published, so the
// whole flow can be tried. Written through the models, so every row has its audit record.

type DemoRisk = {
  unit: string;
  step: string;
  event: string;
  type: RiskType;
  l: number;
  i: number;
  controls: string;
  items: number[];
  measures: [string, string][];
};

const RISKS: DemoRisk[] = [
  {
    unit: "finance",
    step: "การจัดซื้อจัดจ้างโดยวิธีเฉพาะเจาะจง",
    event: "กำหนดคุณลักษณะเฉพาะ (TOR) เอื้อผู้ขายบางราย หรือแบ่งซื้อแบ่งจ้างเพื่อเลี่ยงวิธีประกาศเชิญชวน",
    type: "procurement",
    l: 3,
    i: 5,
    controls: "ตรวจสอบโดยคณะกรรมการกำหนดคุณลักษณะ",
    items: [5, 14],
    measures: [
      ["เผยแพร่แผนจัดซื้อจัดจ้างและผลการจัดซื้อรายเดือนบนเว็บไซต์", "หัวหน้างานพัสดุ กองคลัง"],
      ["ให้กรรมการกำหนด TOR ลงนามแบบแสดงการมีส่วนได้เสียทุกครั้ง", "ผู้อำนวยการกองคลัง"],
    ],
  },
  {
    unit: "engineering",
    step: "การพิจารณาอนุญาตก่อสร้าง ดัดแปลง รื้อถอนอาคาร",
    event: "การพิจารณาคำขออนุญาตล่าช้ากว่าระยะเวลาที่กฎหมายกำหนด เปิดช่องเรียกรับประโยชน์",
    type: "permits",
    l: 3,
    i: 4,
    controls: "คู่มือสำหรับประชาชนตาม พ.ร.บ.การอำนวยความสะดวกฯ",
    items: [29],
    measures: [["ติดตามคำขอด้วยทะเบียนคุมและแจ้งสถานะให้ผู้ยื่นคำขอทุกขั้นตอน", "หัวหน้าฝ่ายควบคุมอาคารและผังเมือง"]],
  },
  {
    unit: "engineering",
    step: "การควบคุมงานก่อสร้างและการตรวจรับงาน",
    event: "ตรวจรับงานที่ไม่เป็นไปตามแบบรูปรายการ",
    type: "procurement",
    l: 2,
    i: 5,
    controls: "คณะกรรมการตรวจรับพัสดุ",
    items: [1, 2],
    measures: [["ถ่ายภาพและบันทึกพิกัดทุกงวดงานก่อนตรวจรับ", "ผู้อำนวยการสำนักช่าง"]],
  },
  {
    unit: "clerk-office",
    step: "การใช้รถยนต์ส่วนกลางและน้ำมันเชื้อเพลิง",
    event: "ใช้รถราชการไปธุระส่วนตัว หรือเบิกน้ำมันเกินการใช้งานจริง",
    type: "public_property",
    l: 3,
    i: 2,
    controls: "สมุดบันทึกการใช้รถ",
    items: [22],
    measures: [["เปรียบเทียบการเบิกน้ำมันกับระยะทางจริงรายเดือน", "หัวหน้าฝ่ายบริหารงานทั่วไป"]],
  },
  {
    unit: "personnel",
    step: "การสรรหาและเลื่อนขั้นเงินเดือน",
    event: "การพิจารณาเลื่อนขั้นเงินเดือนไม่เป็นธรรม เอื้อประโยชน์พวกพ้อง",
    type: "personnel",
    l: 2,
    i: 3,
    controls: "คณะกรรมการกลั่นกรองการประเมินผล",
    items: [18, 19],
    measures: [["เปิดเผยหลักเกณฑ์และผลการเลื่อนขั้นพร้อมช่องทางอุทธรณ์", "หัวหน้าฝ่ายบริหารงานบุคคล"]],
  },
  {
    unit: "strategy",
    step: "การจัดทำงบประมาณรายจ่ายประจำปี",
    event: "ตั้งงบประมาณโครงการที่ไม่อยู่ในแผนพัฒนาท้องถิ่นเพื่อประโยชน์ของกลุ่มบุคคล",
    type: "budget",
    l: 2,
    i: 4,
    controls: "การตรวจสอบความสอดคล้องกับแผนพัฒนาท้องถิ่น",
    items: [32, 33],
    measures: [["ประชาคมและเผยแพร่ร่างข้อบัญญัติงบประมาณก่อนเสนอสภา", "หัวหน้าฝ่ายแผนงานและงบประมาณ"]],
  },
];

const date = (y: number, m: number, d: number) => bangkokMidnightUtc(y, m, d);
const iso = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

export async function seedRiskRegisters(db: PrismaClient) {
  if ((await db.risk.count({ where: { source: "app" } })) > 0) return;
  const hr = await db.person.findUniqueOrThrow({ where: { employeeNumber: "100002" } });
  const actor: Actor = { personId: hr.id, roles: ["staff", "hr"], ip: "seed" };
  const units = new Map((await db.division.findMany({ where: { parentId: null } })).map((d) => [d.code, d.id]));
  const now = Date.now();

  // FY 2566: Part 1's table, published on the public page when the plan was announced.
  await publishRegister(actor, { fiscalYear: 2566, channelName: "", channelUrl: "" }, date(2022, 11, 1)).catch(
    () => undefined,
  );

  for (const fiscalYear of [2567, 2568, 2569, 2570]) {
    const ce = fiscalYear - 543;
    const assessed = new Date(Math.min(date(ce - 1, 11, 15).getTime(), now - 7 * 86_400_000));
    const count = fiscalYear === 2570 ? 4 : fiscalYear === 2567 ? 5 : 6;
    const ids: number[] = [];
    for (const [n, r] of RISKS.slice(0, count).entries()) {
      // Risks ease a little year by year as measures take hold.
      const likelihood = Math.max(1, r.l - (fiscalYear >= 2569 && n % 2 === 0 ? 1 : 0));
      const { id } = await createRisk(
        actor,
        {
          fiscalYear,
          divisionId: units.get(r.unit)!,
          processStep: r.step,
          event: r.event,
          type: r.type,
          likelihood,
          impact: r.i,
          existingControls: r.controls,
          planItems: r.items,
          measures: r.measures.map(([description, owner]) => ({ description, owner, dueDate: iso(date(ce, 9, 30)) })),
        },
        assessed,
      );
      ids.push(id);
    }
    await consolidateRegister(
      actor,
      fiscalYear,
      new Date(Math.min(date(ce - 1, 12, 1).getTime(), now - 3 * 86_400_000)),
    );
    if (fiscalYear === 2570) continue;
    await publishRegister(actor, { fiscalYear, channelName: "", channelUrl: "" }, date(ce - 1, 12, 10));
    await publishRegister(
      actor,
      { fiscalYear, channelName: "บอร์ดประชาสัมพันธ์สำนักงานเทศบาล", channelUrl: "" },
      date(ce - 1, 12, 12),
    );

    const measures = await db.riskMeasure.findMany({ where: { riskId: { in: ids } }, orderBy: { id: "asc" } });
    for (const [k, m] of measures.entries()) {
      const h1: FollowUpStatus = k % 3 === 2 ? "not_started" : "in_progress";
      const annual: FollowUpStatus = k % 4 === 3 ? "in_progress" : "done";
      const evidence = `https://www.lampangcity.go.th/risk/${fiscalYear}/${m.id}`;
      await recordFollowUp(
        actor,
        { measureId: m.id, period: "h1", status: h1, note: "รายงานผลรอบ 6 เดือน", evidenceUrl: "" },
        date(ce, 4, 5),
      );
      if (date(ce, 10, 5).getTime() < now)
        await recordFollowUp(
          actor,
          { measureId: m.id, period: "annual", status: annual, note: "รายงานผลสิ้นปี", evidenceUrl: evidence },
          date(ce, 10, 5),
        );
    }
    for (const id of ids) {
      const risk = await db.risk.findUniqueOrThrow({ where: { id } });
      await recordResidual(
        actor,
        {
          riskId: id,
          period: "h1",
          residualLikelihood: Math.max(1, risk.likelihood! - 1),
          residualImpact: risk.impact!,
        },
        date(ce, 4, 5),
      );
      if (date(ce, 10, 5).getTime() < now)
        await recordResidual(
          actor,
          { riskId: id, period: "annual", residualLikelihood: 1, residualImpact: risk.impact! },
          date(ce, 10, 5),
        );
    }

    // Actual spending HR recorded for a few items with a budget, and a problem noted.
    for (const [itemNumber, h1, annual] of [
      [4, "1250000", "2890000.50"],
      [22, "0", "0"],
      [6, "45000", "98500"],
    ] as const) {
      await recordReportEntry(
        actor,
        fiscalYear,
        "h1",
        { itemNumber, spent: h1, evidenceUrl: "", problems: "", suggestions: "" },
        date(ce, 4, 10),
      );
      await recordReportEntry(
        actor,
        fiscalYear,
        "annual",
        {
          itemNumber,
          spent: annual,
          evidenceUrl: "",
          problems: itemNumber === 4 ? "กำหนดการอบรมเลื่อนเนื่องจากวิทยากรไม่ว่าง" : "",
          suggestions: itemNumber === 4 ? "วางแผนจองวิทยากรล่วงหน้าอย่างน้อย 3 เดือน" : "",
        },
        date(ce, 10, 10),
      );
    }
  }

  // FY 2569's annual report was submitted: a frozen copy (one only: each freeze computes every indicator, and
  // setup should stay quick). The current year 2570 stays open.
  if (date(2026, 10, 20).getTime() < now) await freezePlanReport(actor, 2569, "annual", date(2026, 10, 20));
}
