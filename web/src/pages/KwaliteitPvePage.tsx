import { Alert, Heading, Paragraph } from "@utrecht/component-library-react";
import { type FormEvent, useState } from "react";
import { DataTable } from "../components/DataTable.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../components/ProblemAlert.tsx";
import { SignInLink } from "../components/SignInGate.tsx";
import { SubmitButton } from "../components/SubmitButton.tsx";
import { TextField } from "../components/TextField.tsx";
import { useAction } from "../lib/action.ts";
import { request, useApi } from "../lib/api.ts";
import { useAuth } from "../lib/auth.tsx";
import { formatDate } from "../lib/labels.ts";
import type { PveRecord } from "../lib/quality.ts";
import { navigate, RouterLink } from "../lib/router.tsx";
import type { PveList, Reminder } from "../../../src/contract/quality.ts";

type Listing = PveList;

function NewPve() {
  const [titel, setTitel] = useState("");
  const create = useAction();
  const { error } = create;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void create.run(async () => {
      const r = await request<PveRecord>("/programmas-van-eisen", { method: "POST", body: { titel, onderdelen: [{ soort: "algemene-eisen-004" }] } });
      navigate(`/kwaliteit/programmas/${r.id}`);
    });
  };
  return (
    <form className="kader-search-form kader-form" onSubmit={submit} noValidate aria-labelledby="pve-new-h">
      <Heading level={2} id="pve-new-h">
        Nieuw programma van eisen
      </Heading>
      <TextField
        id="pve-titel"
        name="titel"
        label="Titel"
        hint="Het concept begint met de algemene eisen uit het programma van eisen van document 004; u kunt ze weer weghalen."
        error={error ? (error.problem.problems?.[0]?.detail ?? error.problem.title) : undefined}
        required
        maxLength={200}
        value={titel}
        onChange={setTitel}
      />
      <SubmitButton busy={create.busy}>Concept aanmaken</SubmitButton>
    </form>
  );
}

/** The work list: evidence that lapses within 60 days and periodic requirements that are due. */
function Reminders() {
  const r = useApi<{ items: Reminder[] }>("/kwaliteit/herinneringen?dagen=60", { cached: false });
  if (r.state !== "ok" || r.data.items.length === 0) return null;
  return (
    <section className="kader-section" aria-labelledby="herinneringen-h">
      <Heading level={2} id="herinneringen-h">
        Herinneringen
      </Heading>
      <DataTable
        label="Herinneringen"
        testId="herinneringen"
        caption="Verlopend bewijs en periodieke eisen (60 dagen vooruit), het eerst verlopende bovenaan"
        columns={[
          { header: "Datum", cell: (h) => formatDate(h.datum) },
          { header: "Programma van eisen", cell: (h) => `${h.pveTitel} (versie ${h.versie})` },
          {
            header: "Aanbieder",
            cell: (h) => <RouterLink href={`/kwaliteit/programmas/${h.pveId}/versies/${h.versie}/aanbieders/${h.agbCode}`}>AGB {h.agbCode}</RouterLink>,
          },
          { header: "Vraag", cell: (h) => h.titel },
          { header: "Wat", cell: (h) => h.tekst },
        ]}
        rows={r.data.items}
        rowKey={(h) => `${h.pveId}.${h.versie}.${h.agbCode}.${h.vraag}.${h.soort}`}
      />
    </section>
  );
}

/** A gemeente's programmes of requirements (drafts and versions), or an aanbieder's invitations to self-assess. */
export function KwaliteitPvePage() {
  const auth = useAuth();
  const role = auth.user?.role;
  const r = useApi<Listing>(
    auth.status === "signed-in" && (role === "contractmanager" || role === "aanbieder" || role === "controller") ? "/programmas-van-eisen" : null,
    { cached: false },
  );
  const heading = <PageHeading title="Programma's van eisen">Programma's van eisen</PageHeading>;
  if (auth.status === "unknown") return <Loading what="Aanmelding" />;
  if (auth.status !== "signed-in" || !(role === "contractmanager" || role === "aanbieder" || role === "controller"))
    return (
      <>
        {heading}
        <Alert type="info">
          <Paragraph>
            Programma's van eisen zijn voor contractmanagers van een gemeente; aanbieders beantwoorden hier hun uitnodigingen.{" "}
            {auth.status !== "signed-in" ? <SignInLink /> : null}
          </Paragraph>
        </Alert>
      </>
    );
  if (r.state === "loading") return heading;
  if (r.state === "error")
    return (
      <>
        {heading}
        <ProblemAlert error={r.error} />
      </>
    );
  const agb = auth.user?.tenant?.kind === "aanbieder" ? auth.user.tenant.agbCode : null;
  return (
    <>
      {heading}
      {role === "aanbieder" ? (
        <>
          <Reminders />
          <Paragraph className="kader-lead">
            Gemeenten nodigen u uit om een gepubliceerd programma van eisen te beantwoorden: per vraag een toelichting en bewijsstukken.
          </Paragraph>
          {r.data.uitnodigingen.length === 0 ? (
            <Paragraph data-testid="uitnodigingen">U bent nog niet uitgenodigd.</Paragraph>
          ) : (
            <DataTable
              label="Uitnodigingen"
              testId="uitnodigingen"
              caption="Uitnodigingen voor een zelfevaluatie"
              columns={[
                {
                  header: "Programma van eisen",
                  cell: (u) => <RouterLink href={`/kwaliteit/programmas/${u.pveId}/versies/${u.versie}/aanbieders/${agb}`}>{u.titel}</RouterLink>,
                },
                { header: "Versie", cell: (u) => u.versie },
                { header: "Gemeente", cell: (u) => u.gemeentecode },
                { header: "Gepubliceerd", cell: (u) => formatDate(u.publishedAt.slice(0, 10)) },
              ]}
              rows={r.data.uitnodigingen}
              rowKey={(u) => `${u.pveId}.${u.versie}`}
            />
          )}
        </>
      ) : (
        <>
          <Paragraph className="kader-lead">
            Stel een programma van eisen samen uit de <RouterLink href="/kwaliteit">kwaliteitskaders</RouterLink>, de algemene eisen en eigen eisen; publiceer
            het als vaste versie en nodig aanbieders uit.
          </Paragraph>
          {r.data.concepten.length === 0 ? (
            <Paragraph data-testid="pve-list">Er zijn nog geen programma's van eisen.</Paragraph>
          ) : (
            <DataTable
              label="Programma's van eisen"
              testId="pve-list"
              caption="Programma's van eisen van uw gemeente"
              columns={[
                { header: "Titel", cell: (p) => <RouterLink href={`/kwaliteit/programmas/${p.id}`}>{p.concept.titel}</RouterLink> },
                { header: "Gepubliceerde versies", cell: (p) => p.versies },
                { header: "Bijgewerkt", cell: (p) => formatDate(p.updatedAt.slice(0, 10)) },
              ]}
              rows={r.data.concepten}
              rowKey={(p) => p.id}
            />
          )}
          {role === "contractmanager" ? <NewPve /> : null}
          <Reminders />
        </>
      )}
    </>
  );
}
