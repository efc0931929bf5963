import { COURSE_STATUS_LABELS, type CourseStatus } from "~/domain/course-status";

const TONE: Record<CourseStatus, string> = {
  not_started: "badge--bad",
  pre_test_done: "badge--warn",
  studying: "badge--warn",
  passed: "badge--ok",
  not_passed: "badge--bad",
};

export function CourseStatusBadge({ status }: { status: CourseStatus }) {
  return <span className={`badge ${TONE[status]}`}>{COURSE_STATUS_LABELS[status]}</span>;
}
