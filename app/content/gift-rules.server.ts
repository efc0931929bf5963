import path from "node:path";
import { z } from "zod";
import { parseBahtToSatang, type GiftRuleSet } from "~/domain/gift-rules";
import { CONTENT_ROOT, loadYamlFile } from "./yaml-file.server";

// content/rules/gifts.yaml: the gift rules of plan item 16 with their legal sources (see decision 028).

const baht = z.string().refine((v) => parseBahtToSatang(v) !== null, { error: "จำนวนเงินต้องเป็นบาท ทศนิยมไม่เกิน ๒ ตำแหน่ง เช่น \"3000.00\"" });
const condition = z.strictObject({ relative: z.boolean().optional(), toGeneralPublic: z.boolean().optional(), giverHasBusiness: z.boolean().optional(), maxBaht: baht.optional() });
const rule = z.strictObject({
  code: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  when: condition.refine((w) => Object.keys(w).length > 0, { error: "ต้องมีเงื่อนไขอย่างน้อยหนึ่งข้อ" }),
  explanation: z.string().min(10),
  sources: z.array(z.string()).min(1, { error: "ต้องอ้างอิงที่มาทางกฎหมายอย่างน้อยหนึ่งรายการ" }),
});

export const giftRulesFileSchema = z
  .strictObject({
    sources: z.array(z.strictObject({ code: z.string().regex(/^[a-z0-9-]+$/), title: z.string().min(5) })).min(1),
    reportWithinDays: z.number().int().min(1).max(365),
    reportSources: z.array(z.string()).min(1),
    allowed: z.array(rule).min(1),
    beyond: rule.omit({ when: true }),
    stricter: z.array(rule),
  })
  .superRefine((file, ctx) => {
    const known = new Set(file.sources.map((s) => s.code));
    const check = (codes: string[], at: (string | number)[]) =>
      codes.forEach((c, i) => {
        if (!known.has(c)) ctx.addIssue({ code: "custom", path: [...at, i], message: `ไม่พบที่มา "${c}" ในรายการ sources` });
      });
    check(file.reportSources, ["reportSources"]);
    file.allowed.forEach((r, i) => check(r.sources, ["allowed", i, "sources"]));
    file.stricter.forEach((r, i) => check(r.sources, ["stricter", i, "sources"]));
    check(file.beyond.sources, ["beyond", "sources"]);
    const codes = [...file.allowed, ...file.stricter, file.beyond].map((r) => r.code);
    codes.forEach((c, i) => {
      if (codes.indexOf(c) !== i) ctx.addIssue({ code: "custom", path: ["allowed"], message: `รหัสกฎ "${c}" ซ้ำกัน` });
    });
  });

export const GIFT_RULES_FILE = "rules/gifts.yaml";

let cached: GiftRuleSet | undefined;

/** The gift rules, read once per process (another content root is read afresh, for tests). */
export function giftRules(root = CONTENT_ROOT): GiftRuleSet {
  if (root !== CONTENT_ROOT) return loadGiftRulesFile(path.join(root, GIFT_RULES_FILE));
  return (cached ??= loadGiftRulesFile(path.join(root, GIFT_RULES_FILE)));
}

export function loadGiftRulesFile(file: string): GiftRuleSet {
  return loadYamlFile(file, giftRulesFileSchema);
}
