// Deterministic demo training history: fiscal years 2566–2569 mostly complete with pass rates rising year by
// year, and the current year 2570 two months in. Feeds trends, year-over-year comparisons and item statistics.
import { fiscalYearRange } from "~/domain/fiscal-year";
import { choiceOrder, isPass, seededRandom, shuffle, type Random } from "~/domain/quiz";
import type { HistoricalAttempt } from "~/models/training/history.server";

export type HistoryCourse = {
  id: number;
  passPercent: number;
  questionsPerTest: number;
  maxPostTestAttempts: number;
  lessonIds: number[];
  questions: { questionId: number; versionId: number; correctIndex: number; choiceCount: number }[];
};

export type HistoryPerson = { id: number; activeFrom: Date; exempt: boolean }; // exempt: no current-year history

// Share of people who took part, and the boost to ability, per fiscal year.
const YEARS: { year: number; participation: number; boost: number }[] = [
  { year: 2566, participation: 0.78, boost: 0 },
  { year: 2567, participation: 0.84, boost: 0.04 },
  { year: 2568, participation: 0.9, boost: 0.08 },
  { year: 2569, participation: 0.97, boost: 0.14 },
  { year: 2570, participation: 0.3, boost: 0.12 },
];

function dateIn(year: number, random: Random, untilMs = Date.now()): Date {
  const { start, end } = fiscalYearRange(year);
  // Training runs from November to August; the current year only up to now.
  let from = start.getTime() + 35 * 86_400_000;
  const to = Math.min(end.getTime() - 35 * 86_400_000, untilMs - 3 * 86_400_000);
  if (to <= from) from = start.getTime();
  return new Date(from + random() * Math.max(0, Math.min(to, untilMs) - from));
}

export function demoHistory(people: HistoryPerson[], courses: HistoryCourse[], now = new Date()) {
  const random = seededRandom(2566_2570);
  const attempts: HistoricalAttempt[] = [];
  const lessonProgress: { personId: number; lessonId: number; fiscalYear: number; completedAt: Date }[] = [];
  const difficulty = new Map<number, number>();
  for (const course of courses) for (const q of course.questions) difficulty.set(q.questionId, -0.15 + random() * 0.45);
  const ability = new Map(people.map((p) => [p.id, 0.35 + random() * 0.45]));

  const sit = (
    person: HistoryPerson,
    course: HistoryCourse,
    kind: "pre" | "post",
    year: number,
    number: number,
    at: Date,
    level: number,
    avoid: Set<number>,
  ) => {
    const fresh = shuffle(
      course.questions.filter((q) => !avoid.has(q.questionId)),
      random,
    );
    const drawn = [...fresh, ...course.questions.filter((q) => avoid.has(q.questionId))].slice(
      0,
      course.questionsPerTest,
    );
    const items = drawn.map((q) => {
      const right = random() < Math.min(0.98, Math.max(0.05, level - difficulty.get(q.questionId)!));
      const wrongIndex = (q.correctIndex + 1 + Math.floor(random() * (q.choiceCount - 1))) % q.choiceCount;
      return {
        questionVersionId: q.versionId,
        choiceOrder: choiceOrder(q.choiceCount, random),
        selectedIndex: right ? q.correctIndex : wrongIndex,
        correctIndex: q.correctIndex,
      };
    });
    const attempt: HistoricalAttempt = {
      personId: person.id,
      courseId: course.id,
      kind,
      fiscalYear: year,
      number,
      startedAt: new Date(at.getTime() - 20 * 60_000),
      submittedAt: at,
      passPercent: course.passPercent,
      items,
    };
    attempts.push(attempt);
    return { attempt, questionIds: new Set(drawn.map((q) => q.questionId)) };
  };

  for (const { year, participation, boost } of YEARS) {
    const { start, end } = fiscalYearRange(year);
    if (start.getTime() > now.getTime()) continue;
    const complete = end.getTime() <= now.getTime();
    for (const person of people) {
      // The demo accounts start the current year with nothing done, so a visitor can try every step.
      if ((person.exempt && !complete) || person.activeFrom.getTime() > end.getTime()) continue;
      const base = ability.get(person.id)! + boost;
      for (const course of courses) {
        if (random() > participation) continue;
        const preAt = dateIn(year, random, now.getTime());
        const pre = sit(person, course, "pre", year, 1, preAt, base * 0.8, new Set());
        const lessonsRead =
          complete || random() < 0.7 ? course.lessonIds.length : Math.floor(random() * course.lessonIds.length);
        course.lessonIds.slice(0, lessonsRead).forEach((lessonId, i) =>
          lessonProgress.push({
            personId: person.id,
            lessonId,
            fiscalYear: year,
            completedAt: new Date(preAt.getTime() + (i + 1) * 3_600_000),
          }),
        );
        if (lessonsRead < course.lessonIds.length || (!complete && random() < 0.3)) continue;
        let at = new Date(preAt.getTime() + (lessonsRead + 1) * 3_600_000);
        for (let number = 1; number <= course.maxPostTestAttempts; number++) {
          if (at.getTime() > now.getTime()) break;
          const post = sit(person, course, "post", year, number, at, base + 0.22 + number * 0.05, pre.questionIds);
          const correct = post.attempt.items.filter((i) => i.selectedIndex === i.correctIndex).length;
          if (isPass(correct, post.attempt.items.length, course.passPercent) || random() < 0.25) break;
          at = new Date(at.getTime() + 2 * 86_400_000);
        }
      }
    }
  }
  return { attempts, lessonProgress };
}
