import { Button, Heading, Paragraph } from "@utrecht/component-library-react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Bsn, CareGate, count } from "../components/CareBits.tsx";
import { DataTable } from "../components/DataTable.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { Pagination } from "../components/Pagination.tsx";
import { Loading, ProblemAlert } from "../components/ProblemAlert.tsx";
import { SelectField } from "../components/SelectField.tsx";
import { SubmitButton } from "../components/SubmitButton.tsx";
import { TextField } from "../components/TextField.tsx";
import { useAction } from "../lib/action.ts";
import { type Loadable, qs, request, toApiError } from "../lib/api.ts";
import { useAuth } from "../lib/auth.tsx";
import { careRoles, formatDay, isValidBsn } from "../lib/care-labels.ts";
import type { Client, ClientList as ClientListAnswer } from "../lib/care-types.ts";
import { navigate, RouterLink, useLocation } from "../lib/router.tsx";

const PAGE_SIZE = 50;

/** A search with 8 or more digits is taken as a BSN: it goes in a POST body, never in the address bar (or any log). */
const looksLikeBsn = (q: string) => (q.match(/[0-9]/g) ?? []).length >= 8;

/**
 * Searches clients with POST /clienten/zoeken ({ q, pagina } in the body), so a BSN never appears in a URL; re-loads
 * when the search or page changes, keeps the last answer while the next one loads, ignores stale answers.
 */
function useClientSearch(q: string, page: number): Loadable<ClientListAnswer> {
  const key = JSON.stringify([q, page]);
  const [result, setResult] = useState<{ key: string | null; value: Loadable<ClientListAnswer> }>({ key: null, value: { state: "loading" } });
  useEffect(() => {
    let live = true;
    const ctrl = new AbortController();
    const [query, pagina] = JSON.parse(key) as [string, number];
    request<ClientListAnswer>("/clienten/zoeken", { method: "POST", body: { ...(query ? { q: query } : {}), pagina }, signal: ctrl.signal }).then(
      (data) => live && setResult({ key, value: { state: "ok", data } }),
      (e: unknown) => {
        if (live && (e as Error).name !== "AbortError") setResult({ key, value: { state: "error", error: toApiError(e) } });
      },
    );
    return () => {
      live = false;
      ctrl.abort();
    };
  }, [key]);
  if (result.key === key) return result.value;
  return result.value.state === "ok" ? { state: "loading", previous: result.value.data } : { state: "loading" };
}

const place = (c: Client) =>
  [c.adres.straat && `${c.adres.straat} ${c.adres.huisnummer ?? ""}`.trim(), c.adres.postcode, c.adres.plaats].filter(Boolean).join(", ");

/** The clients the signed-in user may see (the API scopes: own gemeente, or clients the aanbieder serves), searchable. */
export function ClientenPage() {
  return (
    <>
      <PageHeading title="Cliënten">Cliënten</PageHeading>
      <CareGate roles={careRoles} what="het cliëntenoverzicht">
        <ClientList />
      </CareGate>
    </>
  );
}

function ClientList() {
  const auth = useAuth();
  const role = auth.user?.role;
  const { search } = useLocation();
  // a name search is kept in the address bar (bookmarkable); a BSN search only in the page's state
  const [bsnSearch, setBsnSearch] = useState<string | null>(null);
  const urlQ = search.get("q") ?? "";
  const q = bsnSearch ?? urlQ;
  const page = Math.max(1, Number.parseInt(search.get("pagina") ?? "1", 10) || 1);
  const [form, setForm] = useState(q);
  useEffect(() => setForm(q), [q]);
  const list = useClientSearch(q, page);
  const data = list.state === "ok" ? list.data : list.state === "loading" ? list.previous : undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const text = form.trim();
    if (looksLikeBsn(text)) {
      setBsnSearch(text);
      navigate("/clienten");
    } else {
      setBsnSearch(null);
      navigate(`/clienten${qs({ q: text })}`);
    }
  };

  return (
    <>
      <search aria-label="Cliënten zoeken">
        <form className="kader-search-form" onSubmit={submit}>
          <div className="kader-search-row">
            <TextField id="clienten-q" name="q" type="search" label="Zoeken op naam of BSN" value={form} maxLength={100} onChange={setForm} />
            <Button type="submit" appearance="primary-action-button">
              Zoeken
            </Button>
          </div>
        </form>
      </search>
      {list.state === "loading" && !data ? <Loading what="Cliënten" /> : null}
      {list.state === "error" ? <ProblemAlert error={list.error} heading="Cliënten konden niet worden geladen" /> : null}
      {data ? (
        <div className={list.state === "loading" ? "kader-busy" : undefined} aria-busy={list.state === "loading"}>
          <Paragraph role="status" data-testid="client-count">
            {data.total === 0
              ? q
                ? `Geen cliënten gevonden voor "${q}".`
                : "Er zijn nog geen cliënten."
              : `${count(data.total, "cliënt", "cliënten")}${q ? ` gevonden voor "${q}"` : ""}.`}
          </Paragraph>
          {data.items.length ? (
            <DataTable
              label="Cliënten"
              testId="clients"
              caption={`Cliënten${q ? ` met "${q}"` : ""}${data.total > PAGE_SIZE ? `, pagina ${page} van ${Math.ceil(data.total / PAGE_SIZE)}` : ""}`}
              columns={[
                { header: "Naam", rowHeader: true, cell: (c) => <RouterLink href={`/clienten/${c.id}`}>{c.naam}</RouterLink> },
                { header: "BSN", cell: (c) => <Bsn bsn={c.bsn} role={role} /> },
                { header: "Geboortedatum", cell: (c) => formatDay(c.geboortedatum) },
                { header: "Adres", cell: (c) => place(c) || <span className="kader-muted">niet bekend</span> },
                { header: "Gemeente", cell: (c) => <span className="kader-code">{c.gemeentecode}</span> },
              ]}
              rows={data.items}
              rowKey={(c) => c.id}
            />
          ) : null}
          <Pagination
            total={data.total}
            limit={PAGE_SIZE}
            offset={(page - 1) * PAGE_SIZE}
            hrefFor={(p) => `/clienten${qs({ q: bsnSearch === null ? q : null, pagina: p > 1 ? p : null })}`}
          />
        </div>
      ) : null}
      {role === "toegang" && auth.user?.tenant?.kind === "gemeente" ? <NewClient gemeente={auth.user.tenant.gemeentecode} /> : null}
    </>
  );
}

const empty = {
  voornamen: "",
  voorletters: "",
  voorvoegsel: "",
  achternaam: "",
  geslacht: "0",
  bsn: "",
  geboortedatum: "",
  straat: "",
  huisnummer: "",
  postcode: "",
  plaats: "",
};
type Field = keyof typeof empty;

/** Client-side checks, in Dutch, before the API is asked (the API checks again). */
function check(f: typeof empty): Partial<Record<Field, string>> {
  const e: Partial<Record<Field, string>> = {};
  if (!f.achternaam.trim()) e.achternaam = "Vul de achternaam in.";
  if (f.voorletters.trim() && !/^[A-Za-zÀ-ỳ]{1,6}$/u.test(f.voorletters.replace(/[.\s]/g, "")))
    e.voorletters = "Voorletters zijn 1 tot 6 letters, bijvoorbeeld J of JM.";
  const bsn = f.bsn.replace(/\s/g, "");
  if (!bsn) e.bsn = "Vul het BSN in.";
  else if (!/^[0-9]{9}$/.test(bsn)) e.bsn = "Een BSN heeft 9 cijfers (schrijf een BSN van 8 cijfers met een 0 ervoor).";
  else if (!isValidBsn(bsn)) e.bsn = "Dit is geen geldig BSN: het voldoet niet aan de elfproef. Controleer de cijfers.";
  if (!f.geboortedatum) e.geboortedatum = "Vul de geboortedatum in.";
  if (f.postcode.trim() && !/^[1-9][0-9]{3} ?[A-Za-z]{2}$/.test(f.postcode.trim()))
    e.postcode = "Een postcode is 4 cijfers en 2 letters, bijvoorbeeld 9401 AB.";
  return e;
}

/** The name in the parts the iStandaarden carry (so a 301 names the client correctly); empty parts left out. */
function naamdelen(f: typeof empty) {
  const voorletters = f.voorletters.replace(/[.\s]/g, "").toUpperCase();
  return {
    ...(f.voornamen.trim() ? { voornamen: f.voornamen.trim() } : {}),
    ...(voorletters ? { voorletters } : {}),
    ...(f.voorvoegsel.trim() ? { voorvoegsel: f.voorvoegsel.trim() } : {}),
    achternaam: f.achternaam.trim(),
    geslacht: f.geslacht as "0" | "1" | "2",
  };
}

/** Toegang registers a new client of its own gemeente; afterwards the client page opens. */
function NewClient({ gemeente }: { gemeente: string }) {
  const [form, setForm] = useState(empty);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const register = useAction();
  const { error, busy } = register;
  const errorRef = useRef<HTMLDivElement>(null);
  const set = (k: Field) => (value: string) => setForm((f) => ({ ...f, [k]: value }));

  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = check(form);
    setErrors(found);
    register.setError(null);
    const first = (Object.keys(empty) as Field[]).find((k) => found[k]);
    if (first) {
      document.getElementById(`nc-${first}`)?.focus();
      return;
    }
    const adres = Object.fromEntries(
      (["straat", "huisnummer", "postcode", "plaats"] as const)
        .map((k) => [
          k,
          k === "postcode"
            ? form[k]
                .trim()
                .toUpperCase()
                .replace(/^(\d{4})\s*/, "$1 ")
            : form[k].trim(),
        ])
        .filter(([, v]) => v),
    );
    await register.run(async () => {
      const c = await request<Client>("/clienten", {
        method: "POST",
        body: { gemeente, bsn: form.bsn.replace(/\s/g, ""), geboortedatum: form.geboortedatum, naamdelen: naamdelen(form), adres },
      });
      navigate(`/clienten/${c.id}`);
    });
  };

  const field = (k: Field, label: string, opts: { type?: string; hint?: string; required?: boolean; inputMode?: "numeric"; autoComplete?: string } = {}) => (
    <TextField id={`nc-${k}`} name={k} label={label} error={errors[k]} value={form[k]} {...opts} type={opts.type ?? "text"} onChange={set(k)} />
  );

  return (
    <section aria-labelledby="nieuwe-client-h" className="kader-section">
      <Heading level={2} id="nieuwe-client-h">
        Nieuwe cliënt registreren
      </Heading>
      <form className="kader-search-form" onSubmit={submit} noValidate aria-labelledby="nieuwe-client-h">
        <div className="kader-filters">
          {field("voornamen", "Voornamen (niet verplicht)", { autoComplete: "off" })}
          {field("voorletters", "Voorletters (niet verplicht)", { hint: "bijvoorbeeld JM" })}
          {field("voorvoegsel", "Voorvoegsel (niet verplicht)", { hint: "bijvoorbeeld van, de" })}
          {field("achternaam", "Achternaam", { required: true })}
        </div>
        <div className="kader-filters">
          <SelectField
            id="nc-geslacht"
            name="geslacht"
            label="Geslacht"
            value={form.geslacht}
            onChange={set("geslacht")}
            options={[
              ["0", "Onbekend"],
              ["1", "Man"],
              ["2", "Vrouw"],
            ]}
          />
          {field("bsn", "BSN", { required: true, inputMode: "numeric", hint: "9 cijfers; Kader controleert de elfproef" })}
          {field("geboortedatum", "Geboortedatum", { type: "date", required: true })}
        </div>
        <div className="kader-filters">
          {field("straat", "Straat (niet verplicht)")}
          {field("huisnummer", "Huisnummer (niet verplicht)")}
          {field("postcode", "Postcode (niet verplicht)", { hint: "bijvoorbeeld 9401 AB" })}
          {field("plaats", "Plaats (niet verplicht)")}
        </div>
        <Paragraph className="kader-muted">De cliënt wordt geregistreerd bij gemeente {gemeente}.</Paragraph>
        {error ? (
          <div ref={errorRef} tabIndex={-1}>
            <ProblemAlert error={error} heading="Registreren mislukt" />
          </div>
        ) : null}
        <div className="kader-actions">
          <SubmitButton busy={busy}>Cliënt registreren</SubmitButton>
        </div>
      </form>
    </section>
  );
}
