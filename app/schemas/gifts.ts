import { z } from "zod";
import { GIFT_DECISIONS, GIFT_OUTCOMES, bangkokIsoDate, isIsoDate, parseBahtToSatang } from "~/domain/gift-rules";
import "~/utils/forms";

// Forms of the gift register (plan item 16), shared by the browser (react-hook-form) and the server.

/** A checkbox: "on"/"true"/true when ticked; absent or false otherwise. */
export const checkbox = z
  .any()
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

/** The largest value the register accepts (anything above is a typing mistake, not a gift). */
export const MAX_GIFT_SATANG = 100_000_000 * 100;

const text = (min: number, max: number, missing: string) =>
  z.string({ error: missing }).trim().min(min, { error: missing }).max(max, { error: "ข้อความยาวเกินไป" });

export const giftSchema = z
  .object({
    giverName: text(2, 200, "กรุณาระบุผู้ให้ (ชื่อบุคคลหรือนิติบุคคล)"),
    giverKind: z.enum(["person", "business"], { error: "กรุณาเลือกว่าผู้ให้เป็นบุคคลหรือนิติบุคคล" }),
    giverRelative: z.enum(["yes", "no"], { error: "กรุณาเลือกว่าผู้ให้เป็นญาติหรือไม่" }),
    giverHasBusiness: checkbox,
    toGeneralPublic: checkbox,
    occasion: text(2, 200, "กรุณาระบุโอกาสหรือเทศกาล"),
    description: text(2, 500, "กรุณาระบุว่าเป็นของหรือประโยชน์อะไร"),
    value: z
      .string({ error: "กรุณาระบุมูลค่า" })
      .trim()
      .min(1, { error: "กรุณาระบุมูลค่า (ประมาณการได้)" })
      .refine((v) => parseBahtToSatang(v) !== null, { error: "มูลค่าต้องเป็นจำนวนเงินบาทที่ไม่ติดลบ ทศนิยมไม่เกิน ๒ ตำแหน่ง" })
      .refine((v) => (parseBahtToSatang(v) ?? 0) <= MAX_GIFT_SATANG, { error: "มูลค่าสูงเกินกว่าที่เป็นไปได้ โปรดตรวจสอบ" }),
    valueEstimated: checkbox,
    receivedOn: z
      .string({ error: "กรุณาระบุวันที่ได้รับ" })
      .refine(isIsoDate, { error: "กรุณาระบุวันที่ได้รับ" })
      .refine((v) => v <= bangkokIsoDate(new Date()), { error: "วันที่ได้รับต้องไม่เป็นวันในอนาคต" })
      .refine((v) => v >= "2015-01-01", { error: "วันที่เก่าเกินไป โปรดตรวจสอบ" }),
    outcome: z.enum(GIFT_OUTCOMES, { error: "กรุณาเลือกว่ารับไว้ ปฏิเสธ หรือส่งคืน" }),
    supersedesId: z
      .union([z.literal(""), z.coerce.number().int().positive()])
      .optional()
      .transform((v) => (v === "" || v === undefined ? undefined : v)),
    supersedeReason: z.string().trim().max(1000, { error: "ข้อความยาวเกินไป" }).optional().default(""),
  })
  .refine((v) => !v.supersedesId || v.supersedeReason.length >= 5, {
    path: ["supersedeReason"],
    error: "กรุณาระบุเหตุผลที่บันทึกแทนรายการเดิม",
  });

export type GiftInput = z.infer<typeof giftSchema>;

export const giftDecisionSchema = z.object({
  decision: z.enum(GIFT_DECISIONS, { error: "กรุณาเลือกคำวินิจฉัย" }),
  reason: text(5, 1000, "กรุณาระบุเหตุผลของคำวินิจฉัย"),
});
export type GiftDecisionInput = z.infer<typeof giftDecisionSchema>;

export const noGiftDeclarationSchema = z
  .object({
    kind: z.enum(["none", "listed"], { error: "กรุณาเลือกคำยืนยัน" }),
    giftIds: z.array(z.coerce.number().int().positive()).max(200).default([]),
    confirm: checkbox.refine((v) => v, { error: "กรุณายืนยันว่าข้อความเป็นความจริง" }),
  })
  .refine((v) => v.kind === "none" || v.giftIds.length > 0, {
    path: ["giftIds"],
    error: "กรุณาเลือกรายการในทะเบียนที่เกี่ยวข้อง",
  })
  .refine((v) => v.kind === "listed" || v.giftIds.length === 0, {
    path: ["giftIds"],
    error: 'เลือก "ไม่ได้ให้หรือรับเกินกว่าที่กำหนด" แล้ว ไม่ต้องเลือกรายการ',
  });
export type NoGiftDeclarationInput = z.infer<typeof noGiftDeclarationSchema>;
