import {
  Button,
  ButtonLink,
  FormField,
  FormLabel,
  Heading,
  Paragraph,
  Select,
  SelectOption,
  StatusBadge,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textbox,
} from "@utrecht/component-library-react";
import { type ChangeEvent, type FormEvent, useEffect, useState } from "react";
import { CareGate, count } from "../components/CareBits.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../components/ProblemAlert.tsx";
import { TableWrap } from "../components/TableWrap.tsx";
import { API, type AccessLogParams, accessLogPath, useApi } from "../lib/api.ts";
import { useAuth } from "../lib/auth.tsx";
import { roleLabel } from "../lib/labels.ts";
import { navigate, RouterLink, useLocation } from "../lib/router.tsx";

/** One row of the access log as GET /api/v1/access-log answers it. */
interface AccessRow {
  id: number;
  at: string;
  username: string | null;
  role: string | null;
  tenantCode: string | null;
  resource: string;
  action: string;
  gemeentecode: string | null;
  agbCode: string | null;
  endpoint: string;
  purpose: string;
  allowed: boolean;
  reason: string | null;
  subject: { clientIds: number[]; records: string[]; filter?: string; count?: number } | null;
}

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
  const set = (k: Field) => (e: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm((f) => ({ ...f, [k]: e.target.value }));

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
        <form className="kader-search-form" onSubmit={submit}>
          <div className="kader-filters">
            <FormField
              label={<FormLabel htmlFor="tl-client">Cliëntnummer</FormLabel>}
              input={<Textbox id="tl-client" name="client" inputMode="numeric" pattern="[0-9]*" value={form.client} maxLength={15} onChange={set("client")} />}
            />
            <FormField
              label={<FormLabel htmlFor="tl-gebruiker">Gebruiker</FormLabel>}
              input={<Textbox id="tl-gebruiker" name="gebruiker" value={form.gebruiker} maxLength={64} autoComplete="off" onChange={set("gebruiker")} />}
            />
            <FormField
              label={<FormLabel htmlFor="tl-van">Van (datum)</FormLabel>}
              input={<Textbox id="tl-van" name="van" type="date" value={form.van} onChange={set("van")} />}
            />
            <FormField
              label={<FormLabel htmlFor="tl-tot">Tot en met (datum)</FormLabel>}
              input={<Textbox id="tl-tot" name="tot" type="date" value={form.tot} onChange={set("tot")} />}
            />
            <FormField
              label={<FormLabel htmlFor="tl-resource">Soort gegeven</FormLabel>}
              input={
                <Select id="tl-resource" name="resource" value={form.resource} onChange={set("resource")}>
                  <SelectOption value="">Alle soorten</SelectOption>
                  {Object.entries(resourceLabel).map(([k, label]) => (
                    <SelectOption key={k} value={k}>
                      {label}
                    </SelectOption>
                  ))}
                </Select>
              }
            />
            <FormField
              label={<FormLabel htmlFor="tl-toegestaan">Toegestaan</FormLabel>}
              input={
                <Select id="tl-toegestaan" name="toegestaan" value={form.toegestaan} onChange={set("toegestaan")}>
                  <SelectOption value="">Alles</SelectOption>
                  <SelectOption value="ja">Toegestaan</SelectOption>
                  <SelectOption value="nee">Geweigerd</SelectOption>
                </Select>
              }
            />
          </div>
          <div className="kader-actions">
            <Button type="submit" appearance="primary-action-button">
              Filteren
            </Button>
            {filtered ? <RouterLink href="/toegangslog">Alle filters wissen</RouterLink> : null}
          </div>
        </form>
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
            <TableWrap label="Toegangslog">
              <Table className="kader-table" data-testid="access-log">
                <TableCaption>Toegang tot persoonsgegevens, nieuwste eerst</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">Wanneer</TableHeaderCell>
                    <TableHeaderCell scope="col">Wie</TableHeaderCell>
                    <TableHeaderCell scope="col">Rol</TableHeaderCell>
                    <TableHeaderCell scope="col">Wat</TableHeaderCell>
                    <TableHeaderCell scope="col">Cliënt(en)</TableHeaderCell>
                    <TableHeaderCell scope="col">Doel</TableHeaderCell>
                    <TableHeaderCell scope="col">Toegestaan</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {data.items.map((r) => (
                    <TableRow key={r.id}>
                      <TableHeaderCell scope="row">
                        <time dateTime={r.at}>{when.format(new Date(r.at))}</time>
                      </TableHeaderCell>
                      <TableCell>
                        <span className="kader-code">{r.username ?? "anoniem"}</span>
                        {r.tenantCode ? <span className="kader-muted"> ({r.tenantCode})</span> : null}
                      </TableCell>
                      <TableCell>{r.role ? (roleLabel[r.role as keyof typeof roleLabel] ?? r.role) : "–"}</TableCell>
                      <TableCell>
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
                      </TableCell>
                      <TableCell>
                        <Subject s={r.subject} />
                      </TableCell>
                      <TableCell>{r.purpose}</TableCell>
                      <TableCell>
                        {r.allowed ? (
                          <StatusBadge status="success">ja</StatusBadge>
                        ) : (
                          <>
                            <StatusBadge status="danger">nee</StatusBadge>
                            {r.reason ? <span className="kader-muted"> {r.reason}</span> : null}
                          </>
                        )}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableWrap>
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
