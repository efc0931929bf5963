/** Where a person stands in an open attempt: for the navigator and the summary before the final submit. */
export type QuestionState = { position: number; answered: boolean; flagged: boolean };

export function attemptProgress(
  positions: readonly number[],
  answered: ReadonlySet<number>,
  flagged: ReadonlySet<number>,
) {
  const questions: QuestionState[] = positions.map((position) => ({
    position,
    answered: answered.has(position),
    flagged: flagged.has(position),
  }));
  return {
    questions,
    answered: questions.filter((q) => q.answered).length,
    unanswered: questions.filter((q) => !q.answered),
    flagged: questions.filter((q) => q.flagged),
    complete: questions.every((q) => q.answered),
  };
}

/** Minutes left worth announcing to screen readers, as the timer crosses them. */
export const ANNOUNCED_MINUTES = [5, 1] as const;

/** The announcement due when the countdown moves from `before` to `after` seconds left, if any. */
export function timeAnnouncement(before: number, after: number): string | null {
  if (after <= 0 && before > 0) return "หมดเวลาทำแบบทดสอบแล้ว";
  for (const minutes of ANNOUNCED_MINUTES) {
    if (before > minutes * 60 && after <= minutes * 60) return `เหลือเวลาอีก ${minutes} นาที`;
  }
  return null;
}

export function clockText(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** "ข้อ 1, 3, 7" for the summary's lists (positions are 0-based, people count from 1). */
export function questionNumber(position: number): number {
  return position + 1;
}
