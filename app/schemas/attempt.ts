import { z } from "zod";
import "~/utils/forms";

export const answerFieldName = (position: number) => `q${position}`;

/**
 * The answers of one attempt, as posted: a field q<position> per question with the shown choice (0–3).
 * The same schema checks the form in the browser and the submission on the server.
 */
const choiceValue = (choiceCount: number) =>
  z
    .string({ error: "กรุณาเลือกคำตอบ" })
    .regex(new RegExp(`^[0-${choiceCount - 1}]$`), { error: "กรุณาเลือกคำตอบ" })
    .transform(Number);

/** Server side, before the attempt is loaded: every q<position> field must hold a choice 0–3. */
export const postedAnswersSchema = z.record(z.string().regex(/^q\d+$/), choiceValue(4));

export function attemptAnswersSchema(positions: readonly number[], choiceCount = 4, requireAll = true) {
  const choice = choiceValue(choiceCount);
  const shape: Record<string, z.ZodType> = {};
  for (const p of positions) shape[answerFieldName(p)] = requireAll ? choice : choice.optional();
  return z.object(shape);
}
