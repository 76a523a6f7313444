import {
  Alert,
  Button,
  FormField,
  FormFieldErrorMessage,
  FormLabel,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textbox,
} from "@utrecht/component-library-react";
import { type FormEvent, useState } from "react";
import { PageHeading } from "../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../components/ProblemAlert.tsx";
import { TableWrap } from "../components/TableWrap.tsx";
import { type ApiError, request, toApiError, useApi } from "../lib/api.ts";
import { useAuth } from "../lib/auth.tsx";
import { formatDate } from "../lib/labels.ts";
import type { PveRecord } from "../lib/quality.ts";
import { navigate, RouterLink } from "../lib/router.tsx";

interface Listing {
  concepten: (PveRecord & { versies: number })[];
  uitnodigingen: { pveId: string; versie: number; titel: string; gemeentecode: string; publishedAt: string }[];
}

function NewPve() {
  const [titel, setTitel] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await request<PveRecord>("/programmas-van-eisen", { method: "POST", body: { titel, onderdelen: [{ soort: "algemene-eisen-004" }] } });
      navigate(`/kwaliteit/programmas/${r.id}`);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="kader-search-form kader-form" onSubmit={submit} noValidate aria-labelledby="pve-new-h">
      <Heading level={2} id="pve-new-h">
        Nieuw programma van eisen
      </Heading>
      <FormField
        invalid={!!error}
        label={<FormLabel htmlFor="pve-titel">Titel</FormLabel>}
        description={
          <span id="pve-titel-hint">Het concept begint met de algemene eisen uit het programma van eisen van document 004; u kunt ze weer weghalen.</span>
        }
        errorMessage={
          error ? <FormFieldErrorMessage id="pve-titel-error">{error.problem.problems?.[0]?.detail ?? error.problem.title}</FormFieldErrorMessage> : undefined
        }
        input={
          <Textbox
            id="pve-titel"
            name="titel"
            required
            maxLength={200}
            invalid={!!error}
            aria-describedby={error ? "pve-titel-hint pve-titel-error" : "pve-titel-hint"}
            value={titel}
            onChange={(e) => setTitel(e.target.value)}
          />
        }
      />
      <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
        Concept aanmaken
      </Button>
    </form>
  );
}

interface Reminder {
  pveId: string;
  versie: number;
  pveTitel: string;
  agbCode: string;
  vraag: string;
  titel: string;
  soort: string;
  datum: string;
  dagen: number;
  tekst: string;
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
      <TableWrap label="Herinneringen">
        <Table className="kader-table" data-testid="herinneringen">
          <TableCaption>Verlopend bewijs en periodieke eisen (60 dagen vooruit), het eerst verlopende bovenaan</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Datum</TableHeaderCell>
              <TableHeaderCell scope="col">Programma van eisen</TableHeaderCell>
              <TableHeaderCell scope="col">Aanbieder</TableHeaderCell>
              <TableHeaderCell scope="col">Vraag</TableHeaderCell>
              <TableHeaderCell scope="col">Wat</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {r.data.items.map((h) => (
              <TableRow key={`${h.pveId}.${h.versie}.${h.agbCode}.${h.vraag}.${h.soort}`}>
                <TableCell>{formatDate(h.datum)}</TableCell>
                <TableCell>
                  {h.pveTitel} (versie {h.versie})
                </TableCell>
                <TableCell>
                  <RouterLink href={`/kwaliteit/programmas/${h.pveId}/versies/${h.versie}/aanbieders/${h.agbCode}`}>AGB {h.agbCode}</RouterLink>
                </TableCell>
                <TableCell>{h.titel}</TableCell>
                <TableCell>{h.tekst}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableWrap>
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
            {auth.status !== "signed-in" ? <RouterLink href="/inloggen?terug=/kwaliteit/programmas">Log in</RouterLink> : null}
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
            <TableWrap label="Uitnodigingen">
              <Table className="kader-table" data-testid="uitnodigingen">
                <TableCaption>Uitnodigingen voor een zelfevaluatie</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">Programma van eisen</TableHeaderCell>
                    <TableHeaderCell scope="col">Versie</TableHeaderCell>
                    <TableHeaderCell scope="col">Gemeente</TableHeaderCell>
                    <TableHeaderCell scope="col">Gepubliceerd</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {r.data.uitnodigingen.map((u) => (
                    <TableRow key={`${u.pveId}.${u.versie}`}>
                      <TableCell>
                        <RouterLink href={`/kwaliteit/programmas/${u.pveId}/versies/${u.versie}/aanbieders/${agb}`}>{u.titel}</RouterLink>
                      </TableCell>
                      <TableCell>{u.versie}</TableCell>
                      <TableCell>{u.gemeentecode}</TableCell>
                      <TableCell>{formatDate(u.publishedAt.slice(0, 10))}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableWrap>
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
            <TableWrap label="Programma's van eisen">
              <Table className="kader-table" data-testid="pve-list">
                <TableCaption>Programma's van eisen van uw gemeente</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">Titel</TableHeaderCell>
                    <TableHeaderCell scope="col">Gepubliceerde versies</TableHeaderCell>
                    <TableHeaderCell scope="col">Bijgewerkt</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {r.data.concepten.map((p) => (
                    <TableRow key={p.id}>
                      <TableCell>
                        <RouterLink href={`/kwaliteit/programmas/${p.id}`}>{p.concept.titel}</RouterLink>
                      </TableCell>
                      <TableCell>{p.versies}</TableCell>
                      <TableCell>{formatDate(p.updatedAt.slice(0, 10))}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableWrap>
          )}
          {role === "contractmanager" ? <NewPve /> : null}
          <Reminders />
        </>
      )}
    </>
  );
}
