import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { FormError } from "~/components/form-field";
import { GiftStatusBadge, PrivacyNotice, isoDateThai } from "~/components/registers";
import { failureOf, useActionResult } from "~/components/use-action-result";
import { useZodForm } from "~/components/use-zod-form";
import { formatThaiDateTime } from "~/domain/thai-date";
import { declareNoGift, noGiftDeclarationPage } from "~/models/registers/no-gift.server";
import { noGiftDeclarationSchema } from "~/schemas/gifts";
import { requireUser } from "~/utils/auth.server";
import { validateForm } from "~/utils/forms";
import { clientIp } from "~/utils/request.server";
import { actOrRefuse, actionFailure, loadOrRefuse } from "~/utils/route.server";

export const meta: MetaFunction = () => [{ title: "คำยืนยัน No Gift ประจำปี · สุจริต" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json(
    await loadOrRefuse(() => noGiftDeclarationPage({ personId: user.id, roles: user.roles, ip: clientIp(context) })),
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { values, result } = validateForm(noGiftDeclarationSchema, await request.formData(), ["giftIds"]);
  if (!result.success) return actionFailure({ fieldErrors: result.fieldErrors, values });
  return actOrRefuse(async () => {
    await declareNoGift({ personId: user.id, roles: user.roles, ip: clientIp(context) }, result.data);
    return json({ ok: true as const });
  }, values);
}

export default function NoGiftDeclaration() {
  const data = useLoaderData<typeof loader>();
  const failure = failureOf(useActionResult());
  const navigation = useNavigation();
  const { register, onSubmit, errorOf, watch } = useZodForm(noGiftDeclarationSchema, {
    defaultValues: { kind: "", giftIds: [], ...(failure?.values as object) },
    serverErrors: failure?.fieldErrors,
  });
  const kind = watch("kind");
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/gifts">‹ ของขวัญและประโยชน์</Link>
      </p>
      <h1>{`คำยืนยัน No Gift ประจำปีงบประมาณ ${data.fiscalYear}`}</h1>
      {data.declaration ? (
        <section className="card">
          <p>
            <span className={data.declaration.compliant ? "badge badge--ok" : "badge badge--warn"}>
              {data.declaration.compliant ? "ปฏิบัติตามนโยบาย" : "มีรายการที่รายงานเกินกำหนด"}
            </span>{" "}
            {`ยื่นเมื่อ ${formatThaiDateTime(data.declaration.declaredAt)}`}
          </p>
          <p>
            {data.declaration.kind === "none"
              ? "ข้าพเจ้าไม่ได้ให้หรือรับของขวัญหรือประโยชน์อื่นใดเกินกว่าที่กฎหมายและนโยบายของเทศบาลกำหนด ในปีงบประมาณนี้"
              : `ข้าพเจ้ามีรายการที่เกินกว่าที่กำหนด ซึ่งได้บันทึกในทะเบียนแล้ว: ${data.declaration.giftIds.map((id) => `#${id}`).join(", ")}`}
          </p>
        </section>
      ) : !data.inGroup ? (
        <p className="alert alert--info">ท่านไม่อยู่ในกลุ่มเป้าหมายของมาตรการ No Gift Policy ปีนี้ จึงไม่ต้องยื่นคำยืนยัน</p>
      ) : (
        <Form method="post" className="card stack" onSubmit={onSubmit} noValidate>
          <FormError message={failure?.formError} />
          <p>ยื่นได้ปีละหนึ่งครั้ง เมื่อยื่นแล้วแก้ไขไม่ได้</p>
          <fieldset className="field">
            <legend>คำยืนยัน</legend>
            <label className="checkbox">
              <input type="radio" value="none" {...register("kind")} />{" "}
              ข้าพเจ้าไม่ได้ให้หรือรับของขวัญหรือประโยชน์อื่นใดเกินกว่าที่กำหนดในปีงบประมาณนี้
            </label>
            <label className="checkbox">
              <input type="radio" value="listed" {...register("kind")} /> ข้าพเจ้ามีรายการที่เกินกว่าที่กำหนด
              และได้บันทึกในทะเบียนแล้ว ดังนี้
            </label>
            {errorOf("kind") ? <span className="field-error">{errorOf("kind")}</span> : null}
          </fieldset>
          {kind === "listed" ? (
            <fieldset className="field">
              <legend>รายการในทะเบียนปีนี้</legend>
              {data.gifts.length === 0 ? (
                <p className="muted">
                  ยังไม่มีรายการ โปรด <Link to="/gifts/new">บันทึกในทะเบียน</Link> ก่อน
                </p>
              ) : null}
              {data.gifts.map((g) => (
                <label key={g.id} className="checkbox">
                  <input type="checkbox" value={g.id} {...register("giftIds")} />{" "}
                  {`#${g.id} ${g.description} จาก ${g.giverName} · ${g.value} · ${isoDateThai(g.receivedOn)}`}{" "}
                  <GiftStatusBadge status={g.status} label={g.statusLabel} />
                </label>
              ))}
              {errorOf("giftIds") ? <span className="field-error">{errorOf("giftIds")}</span> : null}
            </fieldset>
          ) : null}
          <label className="checkbox">
            <input type="checkbox" value="on" {...register("confirm")} /> ข้าพเจ้าขอยืนยันว่าข้อความข้างต้นเป็นความจริง
          </label>
          {errorOf("confirm") ? <span className="field-error">{errorOf("confirm")}</span> : null}
          <PrivacyNotice what="คำยืนยันนี้" />
          <div>
            <button type="submit" className="btn" disabled={navigation.state !== "idle"}>
              ยื่นคำยืนยัน
            </button>
          </div>
        </Form>
      )}
    </>
  );
}
