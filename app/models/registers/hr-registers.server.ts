import type { Actor } from "~/domain/actor";
import { isHr } from "~/domain/actor";
import { fiscalYearOf } from "~/domain/fiscal-year";
import { formatSatang, isOverdue } from "~/domain/gift-rules";
import { refusal } from "~/domain/refusal";
import { db } from "~/utils/db.server";
import { listDivisionOptions, divisionAndDescendantIds } from "~/models/people/organization.server";
import { declarationView } from "./declarations.server";
import { giftView } from "./gifts.server";
import { declarationProgress } from "./no-gift.server";
import { peopleAndDivisions } from "./scope.server";

// HR's view of the registers: the gift register by unit and year, the overdue list, the yearly declarations.

function requireHr(actor: Actor) {
  if (!isHr(actor)) throw refusal(403, "เฉพาะกองการเจ้าหน้าที่เข้าถึงทะเบียนนี้ได้");
}

async function unitFilter(divisionId: number | null) {
  return divisionId ? { divisionId: { in: await divisionAndDescendantIds(divisionId) } } : {};
}

export async function hrGiftsPage(
  actor: Actor,
  filter: { fiscalYear: number; divisionId: number | null },
  now = new Date(),
) {
  requireHr(actor);
  const where = { fiscalYear: filter.fiscalYear, ...(await unitFilter(filter.divisionId)) };
  const [gifts, undecided, divisions] = await Promise.all([
    db.giftReport.findMany({ where, orderBy: [{ receivedOn: "desc" }, { id: "desc" }] }),
    db.giftReport.findMany({
      where: { mustReport: true, decidedAt: null, supersededAt: null },
      orderBy: { receivedOn: "asc" },
    }),
    listDivisionOptions(),
  ]);
  const overdue = undecided.filter((g) => isOverdue(g, now));
  const names = await peopleAndDivisions(
    [...gifts, ...overdue].flatMap((g) => [g.personId, g.decidedById ?? g.personId]),
  );
  const at =
    filter.fiscalYear === fiscalYearOf(now)
      ? now
      : new Date(Math.min(now.getTime(), Date.UTC(filter.fiscalYear - 543, 8, 30, 16, 59)));
  return {
    filter,
    divisions,
    gifts: gifts.map((g) => giftView(g, now, names)),
    overdue: overdue.map((g) => giftView(g, now, names)),
    totals: {
      count: gifts.filter((g) => !g.supersededAt).length,
      reported: gifts.filter((g) => !g.supersededAt && g.mustReport).length,
      valueSatang: formatSatang(gifts.filter((g) => !g.supersededAt).reduce((s, g) => s + g.valueSatang, 0)),
    },
    declarations: await declarationProgress(filter.fiscalYear, at),
  };
}

export const GIFT_CSV_HEADER = [
  "ปีงบประมาณ",
  "เลขที่",
  "เลขประจำตัว",
  "ผู้บันทึก",
  "หน่วยงาน",
  "ผู้ให้",
  "ประเภทผู้ให้",
  "ญาติ",
  "มีธุรกิจกับเทศบาล",
  "ให้บุคคลทั่วไป",
  "โอกาส",
  "สิ่งที่ได้รับ",
  "มูลค่า (บาท)",
  "ประมาณการ",
  "วันที่ได้รับ",
  "การรับ",
  "กรณี",
  "ต้องรายงาน",
  "ครบกำหนดรายงาน",
  "สถานะ",
  "คำวินิจฉัย",
  "เหตุผล",
  "ผู้วินิจฉัย",
  "แทนที่รายการ",
  "เหตุผลที่ถูกแทนที่",
];

export async function giftCsvRows(actor: Actor, fiscalYear: number, now = new Date()) {
  requireHr(actor);
  const gifts = await db.giftReport.findMany({ where: { fiscalYear }, orderBy: { id: "asc" } });
  const names = await peopleAndDivisions(gifts.flatMap((g) => [g.personId, g.decidedById ?? g.personId]));
  const yesNo = (v: boolean) => (v ? "ใช่" : "ไม่ใช่");
  return gifts.map((g) => {
    const v = giftView(g, now, names);
    return [
      g.fiscalYear,
      g.id,
      names.personById.get(g.personId)?.employeeNumber ?? "",
      v.personName,
      v.division,
      g.giverName,
      v.giverKind,
      yesNo(g.giverRelative),
      yesNo(g.giverHasBusiness),
      yesNo(g.toGeneralPublic),
      g.occasion,
      g.description,
      formatSatang(g.valueSatang).replace(/,/g, ""),
      yesNo(g.valueEstimated),
      g.receivedOn,
      v.outcome,
      v.ruleTitle,
      yesNo(g.mustReport),
      g.reportDueOn ?? "",
      v.statusLabel,
      v.decision ?? "",
      g.decisionReason ?? "",
      v.decidedBy ?? "",
      g.supersedesId ?? "",
      g.supersededReason ?? "",
    ];
  });
}

export async function hrDeclarationsPage(actor: Actor, filter: { fiscalYear: number; divisionId: number | null }) {
  requireHr(actor);
  const where = { fiscalYear: filter.fiscalYear, ...(await unitFilter(filter.divisionId)) };
  const [declarations, divisions, people] = await Promise.all([
    db.conflictDeclaration.findMany({ where, orderBy: { declaredAt: "desc" } }),
    listDivisionOptions(),
    // Item 5's population: the employees (the plan's group for item 5), active now.
    db.person.findMany({
      where: {
        deactivatedAt: null,
        personnelType: { in: ["municipal_officer", "permanent_employee", "contract_employee"] },
        ...(await unitFilter(filter.divisionId)),
      },
      select: { id: true },
    }),
  ]);
  const names = await peopleAndDivisions(declarations.flatMap((d) => [d.personId, d.reviewedById ?? d.personId]));
  const yearly = new Set(declarations.filter((d) => d.kind === "yearly").map((d) => d.personId));
  const missingIds = people.map((p) => p.id).filter((id) => !yearly.has(id));
  const missingNames = await peopleAndDivisions(missingIds.slice(0, 200));
  return {
    filter,
    divisions,
    declarations: declarations.map((d) => declarationView(d, names)),
    yearly: { population: people.length, declared: people.length - missingIds.length, missingCount: missingIds.length },
    missing: missingIds.slice(0, 200).map((id) => {
      const p = missingNames.personById.get(id)!;
      return {
        id,
        employeeNumber: p.employeeNumber,
        name: missingNames.nameOf(id),
        division: missingNames.divisionName.get(p.divisionId) ?? "—",
      };
    }),
  };
}
