import type { ReportActivity } from "~/domain/plan-report";
import { formatThaiDateShort } from "~/domain/thai-date";
import { FOLLOW_UP_STATUS_LABELS, type FollowUpStatus } from "~/domain/risks";
import { db } from "~/utils/db.server";

// What was done for each plan item in a period, from the data the app holds (no names of individuals: the frozen
// copy is public). Items with nothing in the app get no activities and the report says so.

type Range = { start: Date; end: Date };
export type ItemActivities = Map<number, { activities: ReportActivity[]; evidence: { label: string; url: string }[] }>;

const iso = (d: Date) => d.toISOString();
const n = (v: number) => v.toLocaleString("en-US");

export async function activitiesInPeriod(fiscalYear: number, range: Range): Promise<ItemActivities> {
  const out: ItemActivities = new Map();
  const at = (item: number) => {
    let entry = out.get(item);
    if (!entry) out.set(item, (entry = { activities: [], evidence: [] }));
    return entry;
  };
  const inRange = { gte: range.start, lt: range.end };

  const [courses, orders, documents, entries, rounds, risks, registerYear, followUps] = await Promise.all([
    db.course.findMany({ select: { id: true, title: true, planProjects: true } }),
    db.delegationOrder.findMany({
      where: { signedAt: inRange },
      select: { number: true, year: true, title: true, signedAt: true },
      orderBy: { signedAt: "asc" },
    }),
    db.policyDocument.findMany({
      where: { planItemNumber: { not: null }, publishedAt: inRange },
      select: {
        planItemNumber: true,
        title: true,
        publishedAt: true,
        _count: { select: { acknowledgements: { where: { acknowledgedAt: { lt: range.end } } } } },
      },
    }),
    db.indicatorEntry.findMany({
      where: { fiscalYear, enteredAt: inRange },
      select: {
        enteredAt: true,
        value: true,
        achieved: true,
        evidenceUrl: true,
        evidenceFileId: true,
        indicator: { select: { itemNumber: true, text: true } },
      },
      orderBy: { enteredAt: "asc" },
    }),
    db.salaryRound.findMany({ where: { publishedAt: inRange }, select: { title: true, publishedAt: true } }),
    db.risk.findMany({
      where: { fiscalYear, gap: false, includedAt: { not: null, lt: range.end } },
      select: { planItems: true, measures: { select: { id: true } } },
    }),
    db.riskRegisterYear.findUnique({ where: { fiscalYear } }),
    db.riskFollowUp.findMany({
      where: { recordedAt: inRange, measure: { risk: { fiscalYear } } },
      select: {
        status: true,
        recordedAt: true,
        evidenceUrl: true,
        measure: { select: { planItem: true, description: true } },
      },
    }),
  ]);

  // Training: post-tests submitted in the period, per course, on each item the course serves.
  for (const course of courses) {
    const items = JSON.parse(course.planProjects) as number[];
    if (items.length === 0) continue;
    const posts = await db.attempt.findMany({
      where: { courseId: course.id, kind: "post", submittedAt: inRange },
      select: { personId: true, passed: true, submittedAt: true },
    });
    if (posts.length === 0) continue;
    const people = new Set(posts.map((p) => p.personId));
    const passed = new Set(posts.filter((p) => p.passed).map((p) => p.personId));
    const dates = posts.map((p) => p.submittedAt!.getTime());
    const text = `อบรมหลักสูตร "${course.title}" ในระบบ: ผู้ทำแบบทดสอบหลังเรียน ${n(people.size)} คน (${n(posts.length)} ครั้ง) ผ่าน ${n(passed.size)} คน ระหว่างวันที่ ${formatThaiDateShort(new Date(Math.min(...dates)))} – ${formatThaiDateShort(new Date(Math.max(...dates)))}`;
    for (const item of items) at(item).activities.push({ date: iso(new Date(Math.max(...dates))), text });
  }
  for (const o of orders)
    at(30).activities.push({
      date: iso(o.signedAt!),
      text: `ลงนามคำสั่งมอบหมายงาน ที่ ${o.number}/${o.year} เรื่อง ${o.title}`,
    });
  for (const d of documents)
    at(d.planItemNumber!).activities.push({
      date: iso(d.publishedAt),
      text: `ประกาศ "${d.title}" ให้บุคลากรรับทราบ (รับทราบแล้ว ${n(d._count.acknowledgements)} คน ณ สิ้นรอบ)`,
    });
  for (const e of entries) {
    const item = at(e.indicator.itemNumber);
    item.activities.push({
      date: iso(e.enteredAt),
      text: `บันทึกผลตัวชี้วัดพร้อมหลักฐาน: ${e.indicator.text.slice(0, 80)}${e.indicator.text.length > 80 ? "…" : ""}`,
    });
    if (e.evidenceUrl) item.evidence.push({ label: "หลักฐานผลตัวชี้วัด", url: e.evidenceUrl });
    if (e.evidenceFileId) item.evidence.push({ label: "ไฟล์หลักฐานผลตัวชี้วัด", url: `/evidence/${e.evidenceFileId}` });
  }
  for (const r of rounds)
    at(19).activities.push({
      date: iso(r.publishedAt!),
      text: `ประกาศผลการเลื่อนขั้นเงินเดือน ${r.title} พร้อมเปิดแบบสำรวจความพึงพอใจ`,
    });

  // Item 37: the register; and every item named as a control of a risk in the register.
  if (registerYear?.consolidatedAt && registerYear.consolidatedAt < range.end && risks.length > 0) {
    const measures = risks.reduce((s, r) => s + r.measures.length, 0);
    at(37).activities.push({
      date: iso(registerYear.consolidatedAt),
      text: `รวบรวมทะเบียนความเสี่ยงการทุจริต ปีงบประมาณ ${fiscalYear}: ${n(risks.length)} ความเสี่ยง ${n(measures)} มาตรการ`,
    });
  }
  for (const c of registerYear
    ? (JSON.parse(registerYear.channels) as { name: string; url: string | null; at: string }[])
    : []) {
    const t = new Date(c.at);
    if (t >= range.start && t < range.end) {
      at(37).activities.push({ date: c.at, text: `เผยแพร่ผลการประเมินความเสี่ยงทาง ${c.name}` });
      if (c.url) at(37).evidence.push({ label: "ทะเบียนความเสี่ยงที่เผยแพร่", url: c.url });
    }
  }
  const controls = new Map<number, number>();
  for (const r of risks) for (const p of r.planItems) controls.set(p.itemNumber, (controls.get(p.itemNumber) ?? 0) + 1);
  for (const [item, count] of controls)
    at(item).activities.push({
      date: null,
      text: `เป็นมาตรการควบคุมความเสี่ยงการทุจริตในทะเบียนความเสี่ยง ${n(count)} ความเสี่ยง`,
    });
  for (const f of followUps) {
    const target = at(f.measure.planItem ?? 37);
    target.activities.push({
      date: iso(f.recordedAt),
      text: `ติดตามมาตรการ "${f.measure.description.slice(0, 60)}": ${FOLLOW_UP_STATUS_LABELS[f.status as FollowUpStatus] ?? f.status}`,
    });
    if (f.evidenceUrl) target.evidence.push({ label: "หลักฐานการติดตามมาตรการ", url: f.evidenceUrl });
  }
  for (const v of out.values()) v.activities.sort((a, b) => (a.date ?? "").localeCompare(b.date ?? ""));
  return out;
}
