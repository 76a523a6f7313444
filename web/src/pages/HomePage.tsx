import { Button, FormField, FormLabel, Heading, LinkList, LinkListLink, Paragraph, Textbox } from "@utrecht/component-library-react";
import { useState } from "react";
import { ExportLinks } from "../components/ExportLinks.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { useApi } from "../lib/api.ts";
import { formatNumber } from "../lib/labels.ts";
import { navigate, routeClick } from "../lib/router.tsx";
import type { Productenboek } from "../lib/types.ts";

export function HomePage() {
  const [q, setQ] = useState("");
  const books = useApi<{ items: Productenboek[] }>("/productenboeken");
  const count = books.state === "ok" ? books.data.items.reduce((n, b) => n + b.productCount, 0) : null;
  return (
    <>
      <PageHeading title="">Kader</PageHeading>
      <Paragraph lead className="kader-lead">
        Productenboeken en programma's van eisen voor Wmo 2015 en Jeugdwet als controleerbare data: elk product met zijn codes, eenheid en eisen, met de woorden
        van het document erbij.
      </Paragraph>
      {books.state === "ok" && count !== null ? (
        <Paragraph>
          Kader bevat nu {formatNumber(count)} producten uit {books.data.items.length} documenten.
        </Paragraph>
      ) : null}
      <search aria-label="Producten zoeken">
        <form
          className="kader-search-form"
          onSubmit={(e) => {
            e.preventDefault();
            navigate(`/producten${q.trim() ? `?q=${encodeURIComponent(q.trim())}` : ""}`);
          }}
        >
          <div className="kader-search-row">
            <FormField
              label={<FormLabel htmlFor="home-q">Zoek een product</FormLabel>}
              description={<span id="home-q-hint">Naam, code of onderwerp, bijvoorbeeld "dagbesteding" of "02A05"</span>}
              input={<Textbox id="home-q" type="search" name="q" value={q} aria-describedby="home-q-hint" onChange={(e) => setQ(e.target.value)} />}
            />
            <Button type="submit" appearance="primary-action-button">
              Zoeken
            </Button>
          </div>
        </form>
      </search>
      <Heading level={2} className="kader-section">
        Wat u hier kunt doen
      </Heading>
      <LinkList>
        <LinkListLink href="/productenboeken" onClick={routeClick}>
          Productenboeken bekijken, met hun status en kanttekeningen
        </LinkListLink>
        <LinkListLink href="/producten" onClick={routeClick}>
          Producten zoeken en filteren op wet, eenheid, productcategorie en productenboek
        </LinkListLink>
        <LinkListLink href="/vergelijken" onClick={routeClick}>
          Producten naast elkaar zetten, bijvoorbeeld alle producten met code 02A05
        </LinkListLink>
        <LinkListLink href="/tarieven" onClick={routeClick}>
          Tarieven berekenen: per product met de opbouw stap voor stap, of een heel productenboek met een Excel-werkmap
        </LinkListLink>
      </LinkList>
      <Heading level={2} className="kader-section">
        Exporteren
      </Heading>
      <Paragraph>Alle producten die vandaag gelden, met één rij per product, of het open formaat kader.productenboek/v1.</Paragraph>
      <ExportLinks />
    </>
  );
}
