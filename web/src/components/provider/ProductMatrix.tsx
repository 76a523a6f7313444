import { Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from "@utrecht/component-library-react";
import { lawLabel } from "../../lib/labels.ts";
import { RouterLink } from "../../lib/router.tsx";
import type { ComplianceReport } from "../../lib/types.ts";
import { StatusText } from "../Compliance.tsx";
import { LineRef } from "../Notes.tsx";
import { TableWrap } from "../TableWrap.tsx";

/** What a check still needs, in words (the API names the facts). */
const missingLabel: Record<string, string> = {
  staff: "gegevens van medewerkers",
  rolesAvailable: "beschikbare functies",
  providerEvidence: "bewijsstukken van de aanbieder",
  contractedProducts: "gecontracteerde producten",
  traineesPerSupervisor: "bbl-leerlingen per praktijkbegeleider",
  confirmed: "bevestiging door een beoordelaar",
};

type ProductResult = ComplianceReport["producten"][number];

/** One product of the check: its verdict and a table of the requirements with their status and reasons. */
export function ProductMatrix({ p, book, n }: { p: ProductResult; book: string; n: number }) {
  return (
    <section className="kader-book" aria-labelledby={`toets-${n}-h`} data-testid="product-result" data-product={p.productId}>
      <Heading level={3} id={`toets-${n}-h`}>
        {p.name}
      </Heading>
      <Paragraph>
        Oordeel: <StatusText status={p.verdict} /> ·{" "}
        {p.productcode ? <span className="kader-code">{p.productcode}</span> : <span className="kader-muted">nog geen code</span>} · {lawLabel[p.law] ?? p.law}{" "}
        · {book} · {p.staffCount === 1 ? "1 medewerker" : `${p.staffCount} medewerkers`} ·{" "}
        <RouterLink href={`/producten/${encodeURIComponent(p.productId)}`}>
          productbeschrijving<span className="kader-visually-hidden"> van {p.name}</span>
        </RouterLink>
      </Paragraph>
      {p.requirements.length === 0 ? (
        <Paragraph>Het document noemt voor dit product geen eisen.</Paragraph>
      ) : (
        <TableWrap label={`Eisen aan ${p.name}`}>
          <Table className="kader-table">
            <TableCaption className="kader-visually-hidden">
              Eisen aan {p.name} ({lawLabel[p.law] ?? p.law}) en hun toets
            </TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Onderwerp</TableHeaderCell>
                <TableHeaderCell scope="col">Eis</TableHeaderCell>
                <TableHeaderCell scope="col">Status</TableHeaderCell>
                <TableHeaderCell scope="col">Toelichting</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {p.requirements.map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: requirements are an ordered list from the document
                <TableRow key={i} className={r.status === "voldoet-niet" ? "kader-fails" : undefined} data-status={r.status}>
                  <TableHeaderCell scope="row">
                    {r.topic} <LineRef line={r.line} />
                  </TableHeaderCell>
                  <TableCell>{r.text}</TableCell>
                  <TableCell>
                    <StatusText status={r.status} />
                  </TableCell>
                  <TableCell>
                    {r.reasons.length + r.info.length + r.missing.length === 0 ? (
                      <span className="kader-muted">geen</span>
                    ) : (
                      <ul className="kader-reasons">
                        {r.reasons.map((x, j) => (
                          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list
                          <li key={`r${j}`}>{x.message}</li>
                        ))}
                        {r.info.map((x, j) => (
                          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list
                          <li key={`i${j}`} className="kader-muted">
                            {x}
                          </li>
                        ))}
                        {r.missing.length ? <li>Nog nodig: {r.missing.map((m) => missingLabel[m] ?? m).join(", ")}</li> : null}
                      </ul>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableWrap>
      )}
    </section>
  );
}
