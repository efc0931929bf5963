import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { PlanReportPage } from "~/components/plan-report-page";
import { reportAction, reportLoader } from "~/utils/plan-report-route.server";

export const meta: MetaFunction = ({ params }) => [{ title: `รายงานประจำปี ปีงบประมาณ ${params.year} · สุจริต` }];

export const loader = (args: LoaderFunctionArgs) => reportLoader(args, "annual");
export const action = (args: ActionFunctionArgs) => reportAction(args, "annual");

export default PlanReportPage;
