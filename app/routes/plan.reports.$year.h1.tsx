import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { PlanReportPage } from "~/components/plan-report-page";
import { reportAction, reportLoader } from "~/utils/plan-report-route.server";

export const meta: MetaFunction = ({ params }) => [{ title: `รายงานรอบ 6 เดือน ปีงบประมาณ ${params.year} · สุจริต` }];

export const loader = (args: LoaderFunctionArgs) => reportLoader(args, "h1");
export const action = (args: ActionFunctionArgs) => reportAction(args, "h1");

export default PlanReportPage;
