import { Alert, Button, Heading, Paragraph, UnorderedList, UnorderedListItem } from "@utrecht/component-library-react";
import { useState } from "react";
import { CareGate } from "../components/CareBits.tsx";
import { DataTable } from "../components/DataTable.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../components/ProblemAlert.tsx";
import { useAction } from "../lib/action.ts";
import { request, useApi } from "../lib/api.ts";
import { useAuth } from "../lib/auth.tsx";
import { formatDay } from "../lib/care-labels.ts";
import { type Conversie, type ConversiePlanSummary, conversieGemeenteRoles, conversieRoles } from "../lib/conversion-types.ts";
import { RouterLink } from "../lib/router.tsx";

/** Conversions of running toewijzingen to a new productenboek: the plans and the conversions of the user's gemeente. */
export function ConversiesPage() {
  return (
    <>
      <PageHeading title="Conversie">Conversie naar een nieuw productenboek</PageHeading>
      <Paragraph className="kader-lead">
        Lopende toewijzingen gaan op de wijzigingsdatum over naar de producten van het nieuwe productenboek, zonder nieuwe beschikkingen: uitvraag aan de
        aanbieders, proefrun, goedkeuring en uitvoering met nieuwe toewijzingsberichten.
      </Paragraph>
      <CareGate roles={conversieRoles} what="de conversie">
        <Overview />
      </CareGate>
    </>
  );
}

function Overview() {
  const auth = useAuth();
  const gemeente = auth.user ? conversieGemeenteRoles.includes(auth.user.role) : false;
  const [reload, setReload] = useState(0);
  const list = useApi<{ conversies: Conversie[] }>("/conversies", { cached: false, reload });
  const plans = useApi<{ plannen: ConversiePlanSummary[] }>("/conversieplannen", { cached: false });
  const starting = useAction();
  const { busy, error } = starting;
  const start = (plan: string) =>
    starting.run(async () => {
      await request("/conversies", { method: "POST", body: { plan } });
      setReload((n) => n + 1);
    });

  return (
    <>
      <section aria-labelledby="conv-list-h">
        <Heading level={2} id="conv-list-h">
          Conversies
        </Heading>
        {list.state === "loading" ? <Loading what="Conversies" /> : null}
        {list.state === "error" ? <ProblemAlert error={list.error} /> : null}
        {list.state === "ok" && list.data.conversies.length === 0 ? <Paragraph>Er is nog geen conversie gestart.</Paragraph> : null}
        {list.state === "ok" && list.data.conversies.length > 0 ? (
          <DataTable
            label="Conversies"
            testId="conversies"
            caption="Conversies per plan en gemeente"
            columns={[
              { header: "Plan", cell: (c) => <RouterLink href={`/conversie/${c.id}`}>{c.plan.titel}</RouterLink> },
              { header: "Gemeente", cell: (c) => c.gemeentecode },
              { header: "Wijzigingsdatum", cell: (c) => formatDay(c.plan.wijzigingsdatum) },
              { header: "Gestart", cell: (c) => formatDay(c.createdAt) },
            ]}
            rows={list.data.conversies}
            rowKey={(c) => c.id}
          />
        ) : null}
      </section>
      {gemeente ? (
        <section aria-labelledby="conv-plans-h">
          <Heading level={2} id="conv-plans-h">
            Conversieplannen
          </Heading>
          {error ? <ProblemAlert error={error} heading="De conversie is niet gestart" /> : null}
          {plans.state === "error" ? <ProblemAlert error={plans.error} /> : null}
          {plans.state === "ok"
            ? plans.data.plannen.map((p) => (
                <article key={p.id} className="kader-card">
                  <Heading level={3}>{p.titel}</Heading>
                  <Paragraph>
                    Wijzigingsdatum {formatDay(p.wijzigingsdatum)}
                    {p.uitvraagVanaf ? `, uitvraag vanaf ${formatDay(p.uitvraagVanaf)}` : ""}; {p.regels.length} regels.
                  </Paragraph>
                  <Alert type="info">
                    <Paragraph>Open punten van het plan:</Paragraph>
                    <UnorderedList>
                      {p.openPunten.map((o) => (
                        <UnorderedListItem key={o.tekst}>
                          {o.tekst}
                          {o.line ? ` (regel ${o.line})` : ""}
                        </UnorderedListItem>
                      ))}
                    </UnorderedList>
                  </Alert>
                  <Button appearance="primary-action-button" busy={busy} disabled={busy} onClick={() => start(p.id)}>
                    Start of werk bij voor mijn gemeente
                  </Button>
                </article>
              ))
            : null}
        </section>
      ) : null}
    </>
  );
}
