import { ButtonLink, Heading, Paragraph, StatusBadge } from "@utrecht/component-library-react";
import { type FormEvent, useEffect, useState } from "react";
import { CareGate, count } from "../components/CareBits.tsx";
import { type Column, DataTable } from "../components/DataTable.tsx";
import { FilterForm } from "../components/FilterForm.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../components/ProblemAlert.tsx";
import { SelectField } from "../components/SelectField.tsx";
import { TextField } from "../components/TextField.tsx";
import { type AccessLogParams, API, accessLogPath, useApi } from "../lib/api.ts";
import { useAuth } from "../lib/auth.tsx";
import { roleLabel } from "../lib/labels.ts";
import { navigate, RouterLink, useLocation } from "../lib/router.tsx";
import type { AccessLogEntry } from "../lib/auth-types.ts";

/** One row of the access log as GET /api/v1/access-log answers it. */
type AccessRow = AccessLogEntry;

const resourceLabel: Record<string, string> = {
  client: "Cliënt",
  beschikking: "Beschikking",
  toewijzing: "Toewijzing",
  declaratie: "Declaratie",
  bericht: "Bericht",
  conversie: "Conversie",
  provider: "Aanbieder",
  compliance: "Personeel en toets",
  zelfevaluatie: "Zelfevaluatie",
  user: "Account",
  "access-log": "Toegangslog",
};

const when = new Intl.DateTimeFormat("nl-NL", { dateStyle: "short", timeStyle: "medium", timeZone: "Europe/Amsterdam" });
const FIELDS = ["client", "gebruiker", "van", "tot", "resource", "toegestaan"] as const;
type Field = (typeof FIELDS)[number];
const PAGE = 200;

/**
 * The access log (NEN 7513) for the controller (own gemeente) and the beheerder (everything): who looked at whose
 * data, when and why, filterable by client, user, period and kind of data, with CSV and Excel exports of the selection.
 */
export function ToegangslogPage() {
  return (
    <>
      <PageHeading title="Toegangslog">Toegangslog</PageHeading>
      <CareGate roles={["controller", "beheerder"]} what="het toegangslog">
        <Toegangslog />
      </CareGate>
    </>
  );
}

const columns: Column<AccessRow>[] = [
  { header: "Wanneer", rowHeader: true, cell: (r) => <time dateTime={r.at}>{when.format(new Date(r.at))}</time> },
  {
    header: "Wie",
    cell: (r) => (
      <>
        <span className="kader-code">{r.username ?? "anoniem"}</span>
        {r.tenantCode ? <span className="kader-muted"> ({r.tenantCode})</span> : null}
      </>
    ),
  },
  { header: "Rol", cell: (r) => (r.role ? (roleLabel[r.role as keyof typeof roleLabel] ?? r.role) : "–") },
  {
    header: "Wat",
    cell: (r) => (
      <>
        {resourceLabel[r.resource] ?? r.resource} {r.action === "write" ? "wijzigen" : "inzien"}
        <br />
        <span className="kader-muted kader-code">{r.endpoint}</span>
        {r.subject?.records.length ? (
          <span className="kader-muted">
            {" "}
            · {r.subject.records.slice(0, 3).join(", ")}
            {r.subject.records.length > 3 ? ` en ${r.subject.records.length - 3} meer` : ""}
          </span>
        ) : null}
      </>
    ),
  },
  { header: "Cliënt(en)", cell: (r) => <Subject s={r.subject} /> },
  { header: "Doel", cell: (r) => r.purpose },
  {
    header: "Toegestaan",
    cell: (r) =>
      r.allowed ? (
        <StatusBadge status="success">ja</StatusBadge>
      ) : (
        <>
          <StatusBadge status="danger">nee</StatusBadge>
          {r.reason ? <span className="kader-muted"> {r.reason}</span> : null}
        </>
      ),
  },
];

function Toegangslog() {
  const auth = useAuth();
  const { search } = useLocation();
  const params: AccessLogParams = Object.fromEntries(FIELDS.map((k) => [k, search.get(k) ?? ""]).filter(([, v]) => v));
  const [form, setForm] = useState<Record<Field, string>>(() => Object.fromEntries(FIELDS.map((k) => [k, search.get(k) ?? ""])) as Record<Field, string>);
  const key = search.toString();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the form follows the address (back and forward)
  useEffect(() => setForm(Object.fromEntries(FIELDS.map((k) => [k, search.get(k) ?? ""])) as Record<Field, string>), [key]);
  const list = useApi<{ items: AccessRow[] }>(accessLogPath(params, "json", PAGE), { cached: false });
  const data = list.state === "ok" ? list.data : list.state === "loading" ? list.previous : undefined;
  const set = (k: Field) => (value: string) => setForm((f) => ({ ...f, [k]: value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const k of FIELDS) if (form[k].trim()) next.set(k, form[k].trim());
    const s = next.toString();
    navigate(`/toegangslog${s ? `?${s}` : ""}`);
  };
  const filtered = Object.keys(params).length > 0;

  return (
    <>
      <Paragraph className="kader-lead">
        Wie heeft welke persoonsgegevens ingezien of gewijzigd, wanneer en waarom.{" "}
        {auth.user?.role === "controller" ? "U ziet de toegang tot gegevens van uw eigen gemeente." : "U ziet de toegang in alle gemeenten."} Cliënten staan met
        hun cliëntnummer in Kader, nooit met hun BSN. Het inzien van dit log wordt zelf ook gelogd.
      </Paragraph>
      <search aria-label="Toegangslog filteren">
        <FilterForm onSubmit={submit} submitLabel="Filteren" actions={filtered ? <RouterLink href="/toegangslog">Alle filters wissen</RouterLink> : null}>
          <TextField
            id="tl-client"
            name="client"
            label="Cliëntnummer"
            inputMode="numeric"
            pattern="[0-9]*"
            value={form.client}
            maxLength={15}
            onChange={set("client")}
          />
          <TextField id="tl-gebruiker" name="gebruiker" label="Gebruiker" value={form.gebruiker} maxLength={64} onChange={set("gebruiker")} />
          <TextField id="tl-van" name="van" type="date" label="Van (datum)" value={form.van} onChange={set("van")} />
          <TextField id="tl-tot" name="tot" type="date" label="Tot en met (datum)" value={form.tot} onChange={set("tot")} />
          <SelectField
            id="tl-resource"
            name="resource"
            label="Soort gegeven"
            value={form.resource}
            onChange={set("resource")}
            all="Alle soorten"
            options={Object.entries(resourceLabel)}
          />
          <SelectField
            id="tl-toegestaan"
            name="toegestaan"
            label="Toegestaan"
            value={form.toegestaan}
            onChange={set("toegestaan")}
            all="Alles"
            options={[
              ["ja", "Toegestaan"],
              ["nee", "Geweigerd"],
            ]}
          />
        </FilterForm>
      </search>
      <section aria-labelledby="tl-export-h">
        <Heading level={2} id="tl-export-h" className="kader-visually-hidden">
          Exporteren
        </Heading>
        <div className="kader-actions">
          <ButtonLink appearance="secondary-action-button" href={`${API}${accessLogPath(params, "csv")}`} download="kader-toegangslog.csv">
            Download CSV{filtered ? " (deze selectie)" : ""}
          </ButtonLink>
          <ButtonLink appearance="secondary-action-button" href={`${API}${accessLogPath(params, "xlsx")}`} download="kader-toegangslog.xlsx">
            Download Excel (.xlsx){filtered ? " (deze selectie)" : ""}
          </ButtonLink>
        </div>
      </section>
      {list.state === "loading" && !data ? <Loading what="Toegangslog" /> : null}
      {list.state === "error" ? <ProblemAlert error={list.error} heading="Het toegangslog kon niet worden geladen" /> : null}
      {data ? (
        <div className={list.state === "loading" ? "kader-busy" : undefined} aria-busy={list.state === "loading"}>
          <Paragraph role="status" data-testid="access-count">
            {data.items.length === 0
              ? "Geen toegang gevonden met deze filters."
              : `${count(data.items.length, "regel", "regels")}${data.items.length === PAGE ? ` (de nieuwste ${PAGE}; verfijn de filters of download alles)` : ""}.`}
          </Paragraph>
          {data.items.length ? (
            <DataTable
              label="Toegangslog"
              testId="access-log"
              caption="Toegang tot persoonsgegevens, nieuwste eerst"
              columns={columns}
              rows={data.items}
              rowKey={(r) => r.id}
            />
          ) : null}
        </div>
      ) : null}
    </>
  );
}

/** The clients of a row: links that filter the log by that client, or the selection and count of a large list. */
function Subject({ s }: { s: AccessRow["subject"] }) {
  if (!s) return <span className="kader-muted">–</span>;
  const shown = s.clientIds.slice(0, 5);
  return (
    <>
      {shown.map((id, i) => (
        <span key={id}>
          {i > 0 ? ", " : null}
          <RouterLink href={`/toegangslog?client=${id}`} aria-label={`Toegang tot cliënt ${id}`}>
            {id}
          </RouterLink>
        </span>
      ))}
      {s.clientIds.length > shown.length ? <span> en {s.clientIds.length - shown.length} meer</span> : null}
      {s.filter !== undefined || s.count !== undefined ? (
        <span className="kader-muted">
          {shown.length ? " · " : ""}
          {s.filter ? `selectie ${s.filter}` : "lijst"}
          {s.count !== undefined ? `, ${count(s.count, "rij", "rijen")}` : ""}
        </span>
      ) : null}
      {!shown.length && s.filter === undefined && s.count === undefined ? <span className="kader-muted">–</span> : null}
    </>
  );
}
