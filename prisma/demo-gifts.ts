import type { PrismaClient } from "@prisma/client";
import type { Actor } from "~/domain/actor";
import { fiscalYearOf, fiscalYearRange } from "~/domain/fiscal-year";
import { addDays, bangkokIsoDate, isoDateStart } from "~/domain/gift-rules";
import { declareCase, declareYearly, reviewDeclaration } from "~/models/registers/declarations.server";
import { decideGift, recordGift } from "~/models/registers/gifts.server";
import { declareNoGift } from "~/models/registers/no-gift.server";
import { savePositionRisk } from "~/models/registers/position-risks.server";
import type { Role } from "~/domain/roles";

// Demo data for the gift register, the No Gift declarations and the conflict-of-interest declarations
// (issue 13): a few records across units and fiscal years 2567–2570. The demo accounts start FY 2570 with
// nothing declared, so every step can be tried.

const gift = (over: Partial<Parameters<typeof recordGift>[1]>) => ({
  giverName: "ห้างหุ้นส่วนจำกัด ลำปางวัสดุ",
  giverKind: "business" as const,
  giverRelative: "no" as const,
  giverHasBusiness: false,
  toGeneralPublic: false,
  occasion: "เทศกาลปีใหม่",
  description: "กระเช้าของขวัญ",
  value: "1500",
  valueEstimated: true,
  receivedOn: "2024-01-02",
  outcome: "accepted" as const,
  supersedesId: undefined,
  supersedeReason: "",
  ...over,
});

export async function seedGiftsAndDeclarations(db: PrismaClient) {
  const byNumber = async (n: string) =>
    db.person.findUniqueOrThrow({ where: { employeeNumber: n }, include: { roles: true } });
  const actorOf = (p: { id: number; roles: { role: string }[] }): Actor => ({
    personId: p.id,
    roles: p.roles.map((r) => r.role as Role),
    ip: "seed",
  });
  const hr = actorOf(await byNumber("100002"));
  const head = actorOf(await byNumber("100003")); // director of the finance division
  const demoNumbers = ["100001", "100002", "100003", "100004"];
  const inUnit = async (code: string, skip = 0) => {
    const person = await db.person.findFirstOrThrow({
      where: {
        division: { code },
        personnelType: { in: ["municipal_officer", "permanent_employee"] },
        deactivatedAt: null,
        activeUntil: null,
        employeeNumber: { notIn: demoNumbers },
      },
      include: { roles: true },
      orderBy: { employeeNumber: "asc" },
      skip,
    });
    return actorOf(person);
  };
  const procurement = await inUnit("finance-procurement");
  const revenue = await inUnit("finance-revenue");
  const engineer = await inUnit("engineering-works");
  const clerk = await inUnit("clerk-admin");
  const at = (iso: string, days = 0) => new Date(isoDateStart(addDays(iso, days)).getTime() + 10 * 3600_000);

  // FY 2567–2569: reports decided by the head of the finance division; gifts within the rules elsewhere.
  const past = [
    {
      who: procurement,
      g: gift({ receivedOn: "2024-01-03", value: "4500", description: "ชุดเครื่องดื่มและกระเช้า" }),
      decide: { decision: "return" as const, reason: "ผู้ให้เป็นผู้เสนอราคาในงานจ้างของเทศบาล ให้ส่งคืนพร้อมหนังสือขอบคุณ" },
    },
    {
      who: revenue,
      g: gift({
        receivedOn: "2024-04-12",
        occasion: "สงกรานต์",
        giverName: "นายสมปอง ใจงาม",
        giverKind: "person" as const,
        value: "800",
        description: "ผ้าขาวม้าและขนม",
      }),
    },
    {
      who: engineer,
      g: gift({ receivedOn: "2024-12-30", value: "2999.99", description: "ตะกร้าผลไม้", giverName: "บริษัท ช่างเหนือ จำกัด" }),
    },
    {
      who: procurement,
      g: gift({ receivedOn: "2025-01-02", value: "3000.01", description: "บัตรกำนัลห้างสรรพสินค้า", valueEstimated: false }),
      decide: {
        decision: "hand_over" as const,
        reason: "มูลค่าเกิน ๓,๐๐๐ บาท ให้ส่งมอบเป็นทรัพย์สินของเทศบาลเพื่อใช้ในงานสวัสดิการ",
      },
    },
    {
      who: clerk,
      g: gift({
        receivedOn: "2025-06-15",
        occasion: "งานมงคลสมรส",
        giverName: "นางบุญศรี คำมา",
        giverKind: "person" as const,
        giverRelative: "yes" as const,
        value: "10000",
        description: "สร้อยคอทองคำ",
      }),
    },
    {
      who: revenue,
      g: gift({
        receivedOn: "2025-11-20",
        occasion: "ขอบคุณที่ให้บริการ",
        giverName: "ร้านทองเจริญ",
        giverHasBusiness: true,
        value: "500",
        description: "ของที่ระลึก",
      }),
      decide: { decision: "return" as const, reason: "ผู้ให้มีคำขอใบอนุญาตที่รอพิจารณา ตามนโยบาย No Gift ให้ส่งคืน" },
    },
  ];
  for (const p of past) {
    const record = await recordGift(p.who, p.g, at(p.g.receivedOn, 3));
    if (p.decide) await decideGift(head, record.id, p.decide, at(p.g.receivedOn, 10));
  }
  // The No Gift declarations of the past years, for the people above.
  for (const year of [2567, 2568, 2569]) {
    const declaredAt = new Date(fiscalYearRange(year).end.getTime() - 20 * 86400_000);
    for (const who of [procurement, revenue, engineer, clerk]) {
      const listed = await db.giftReport.findMany({
        where: { personId: who.personId, fiscalYear: year, mustReport: true, supersededAt: null },
        select: { id: true },
      });
      await declareNoGift(
        who,
        { kind: listed.length ? "listed" : "none", giftIds: listed.map((g) => g.id), confirm: true },
        declaredAt,
      );
    }
  }

  // FY 2570 (this year): one report waiting for the head, one overdue in another unit, a few declarations.
  const now = new Date();
  const today = bangkokIsoDate(now);
  if (fiscalYearOf(now) === fiscalYearOf(isoDateStart(addDays(today, -40)))) {
    await recordGift(
      engineer,
      gift({
        receivedOn: addDays(today, -40),
        value: "6000",
        description: "ชุดเครื่องมือช่าง",
        giverName: "บริษัท ช่างเหนือ จำกัด",
      }),
      at(addDays(today, -38)),
    );
  }
  await recordGift(
    procurement,
    gift({ receivedOn: addDays(today, -5), value: "5200", description: "กระเช้าสุขภาพ", occasion: "ปีใหม่" }),
    at(addDays(today, -4)),
  );
  await recordGift(
    revenue,
    gift({
      receivedOn: addDays(today, -3),
      value: "350",
      description: "ขนมพื้นเมือง",
      giverName: "ชุมชนท่ามะโอ",
      giverKind: "person" as const,
      toGeneralPublic: true,
    }),
    at(addDays(today, -3)),
  );
  await declareNoGift(clerk, { kind: "none", giftIds: [], confirm: true }, now);

  // Conflict-of-interest declarations: yearly, per case, reviewed.
  const yearlyAt = new Date(fiscalYearRange(fiscalYearOf(now)).start.getTime() + 10 * 86400_000);
  const y1 = await declareYearly(
    procurement,
    {
      nothingToDeclare: false,
      outsidePositions: "",
      businesses: "คู่สมรสเป็นหุ้นส่วนร้านวัสดุก่อสร้าง ซึ่งเคยเสนอราคาต่อเทศบาล",
      shareholdings: "",
      otherInterests: "",
    },
    yearlyAt,
  );
  await reviewDeclaration(
    head,
    y1.id,
    { outcome: "managed", note: "ไม่แต่งตั้งเป็นกรรมการในงานที่ร้านดังกล่าวเสนอราคา" },
    new Date(yearlyAt.getTime() + 2 * 86400_000),
  );
  await declareYearly(
    revenue,
    { nothingToDeclare: true, outsidePositions: "", businesses: "", shareholdings: "", otherInterests: "" },
    yearlyAt,
  );
  const c1 = await declareCase(
    procurement,
    {
      caseType: "inspection_committee",
      caseRef: "คำสั่งที่ 45/2570 ตรวจรับงานจ้างปรับปรุงผิวจราจร",
      hasConflict: "yes",
      conflictDetail: "ผู้รับจ้างเป็นญาติของคู่สมรส",
    },
    new Date(yearlyAt.getTime() + 5 * 86400_000),
  );
  await reviewDeclaration(
    head,
    c1.id,
    { outcome: "recusal", note: "ให้งดเว้นการตรวจรับงานนี้ แต่งตั้งกรรมการแทน" },
    new Date(yearlyAt.getTime() + 6 * 86400_000),
  );
  await declareCase(
    engineer,
    {
      caseType: "procurement_committee",
      caseRef: "คำสั่งที่ 51/2570 คณะกรรมการพิจารณาผลการประกวดราคาก่อสร้างอาคาร",
      hasConflict: "no",
      conflictDetail: "",
    },
    new Date(yearlyAt.getTime() + 7 * 86400_000),
  );

  // Item 5's working group: positions with their conflict-of-interest risks and controls.
  const risks = [
    {
      position: "นักวิชาการพัสดุ",
      risk: "การกำหนดคุณลักษณะเฉพาะหรือการเลือกผู้เสนอราคาที่เอื้อประโยชน์แก่ผู้ใกล้ชิด",
      level: "high" as const,
      controls: "แถลงส่วนได้เสียก่อนทุกโครงการ หมุนเวียนกรรมการ ตรวจสอบโดยหน่วยตรวจสอบภายใน",
    },
    {
      position: "นายช่างโยธา",
      risk: "การตรวจรับงานจ้างของผู้รับจ้างที่เป็นญาติหรือเคยให้ประโยชน์",
      level: "high" as const,
      controls: "งดเว้นการตรวจรับเมื่อมีส่วนได้เสีย ถ่ายภาพและบันทึกผลการตรวจทุกงวด",
    },
    {
      position: "เจ้าพนักงานจัดเก็บรายได้",
      risk: "การลดหย่อนหรือประเมินภาษีให้ผู้ใกล้ชิด",
      level: "medium" as const,
      controls: "สุ่มตรวจการประเมินโดยหัวหน้าฝ่าย ระบบบันทึกผู้ประเมินทุกรายการ",
    },
    {
      position: "นักทรัพยากรบุคคล",
      risk: "การมีส่วนในการประเมินหรือสรรหาผู้ใกล้ชิด",
      level: "medium" as const,
      controls: "แถลงส่วนได้เสียในคณะกรรมการเลื่อนขั้นและสรรหา",
    },
  ];
  for (const r of risks) await savePositionRisk(hr, null, r, yearlyAt);
}
