import type { AppState, View } from "../app";
import { facts, field, h, input, replace } from "../dom";
import { text } from "../format";
import { statusLine, submit } from "../tx";
import { hashText, makeView, needsRole, panel } from "./common";

/** Regulator: suspend and resume the service; the filing record, its history, rules and versions. */
export function regulatorView(state: () => AppState): View {
  return makeView("regulator", "Regulator", (root) => {
    const roleNote = h("p", { class: "note" });
    const reason = input("suspension-reason", { placeholder: "e.g. Rectification order 2026-17 (only its hash is sent)" });
    const status = statusLine();
    const service = h("p", { class: "live" });
    const suspend = async () => {
      const s = state();
      if (!reason.value.trim()) { reason.setAttribute("aria-invalid", "true"); return; }
      await submit(s, s.chain.api.tx.Filing.suspend_service({ reason: hashText(reason.value) }), "Suspend the service", status);
    };
    const resume = async () => {
      const s = state();
      await submit(s, s.chain.api.tx.Filing.resume_service(), "Resume the service", status);
    };
    const filing = h("div", { class: "live" });
    const rules = h("div", { class: "live" });
    root.append(
      panel("Service", roleNote, service, field("Reason", reason), h("div", { class: "actions" },
        h("button", { type: "button", onclick: suspend }, "Suspend the service"),
        h("button", { type: "button", onclick: resume }, "Resume the service")), status),
      panel("Filing record and history", filing), panel("Rules", rules));

    return async (s) => {
      replace(roleNote, needsRole(s.roles.regulator, "regulator"));
      const v = s.chain.api.view.Filing;
      const [svc, history, mgmt, convention] = await Promise.all([
        v.service_status(), v.filing_history(),
        v.rules_history({ type: "ManagementRules" } as never), v.rules_history({ type: "PlatformConvention" } as never),
      ]);
      replace(service, "Service: ", h("strong", { id: "regulator-service" }, svc.type === "Active" ? "Active" : `Suspended since block #${svc.value.since}`));
      const record = await v.filing();
      replace(filing, record ? facts([
        ["Number", text(record.number)], ["Service", text(record.service_name)], ["Provider", text(record.provider)],
        ["Type", record.service_type.type], ["URLs", record.urls.map(text).join(", ")], ["Status", record.status.type],
        ["Version", String(record.version)], ["Updated at", `block #${record.updated_at}`],
      ]) : "No filing.", h("h4", {}, `History (${history.length} earlier versions)`),
      h("ul", {}, ...history.map((r) => h("li", {}, `v${r.version}: ${text(r.number)} · ${r.status.type} · block #${r.updated_at}`))));
      const list = (title: string, docs: typeof mgmt) => h("div", {}, h("h4", {}, title),
        h("ul", {}, ...docs.map((d) => h("li", {}, `v${d.version} · ${text(d.uri)} · doc ${d.doc_hash.slice(0, 12)}… · block #${d.published_at}`))));
      replace(rules, list("Management rules", mgmt), list("Platform convention", convention));
    };
  });
}
