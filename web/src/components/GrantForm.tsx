import { Button, Heading, Paragraph } from "@utrecht/component-library-react";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useAction } from "../lib/action.ts";
import { request } from "../lib/api.ts";
import type { Client, GrantAnswer, ProposedProduct } from "../lib/care-types.ts";
import { GrantCheck, shownVerdict, useGrantCheck } from "./grant/GrantCheck.tsx";
import { type Facts, GrantFacts } from "./grant/GrantFacts.tsx";
import { Motivation } from "./grant/Motivation.tsx";
import { ProductRow } from "./grant/ProductRow.tsx";
import { fieldIdOf, newRow, proposedOf, type Row, rowErrorsOf, validateGrant } from "./grant/rows.ts";
import { ProblemAlert } from "./ProblemAlert.tsx";
import { SubmitButton } from "./SubmitButton.tsx";

const noFacts: Facts = { beschikkingnummer: "", afgiftedatum: "", verwijzer: "" };

/**
 * The grant form (toegang): one or more products with aanbieder, period, volume or budget, resultaatgebieden.
 * While the user types, the proposal is checked (debounced, POST /clienten/:id/toets) and the findings are shown
 * with their severity and the document's line; when only points of judgement remain, a motivation is required.
 */
export function GrantForm({ client, onGranted }: { client: Client; onGranted: (a: GrantAnswer) => void }) {
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const [rows, setRows] = useState<Row[]>(() => [newRow()]);
  const [facts, setFacts] = useState<Facts>(noFacts);
  const [motivering, setMotivering] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const send = useAction();
  const errorRef = useRef<HTMLDivElement>(null);

  const proposals = rows.map(proposedOf);
  const ready = proposals.filter((p): p is { ok: true; value: ProposedProduct } => p.ok).map((p) => p.value);
  const peildatum = facts.afgiftedatum || ready[0]?.ingangsdatum || "";
  const check = useGrantCheck(client.id, { peildatum, producten: ready, verwijzer: facts.verwijzer });
  const laws = [...new Set(rows.map((r) => r.product?.law).filter(Boolean))];
  const wet = laws[0] ?? null;
  const verdict = shownVerdict(check);
  const needsMotivation = !!verdict && !verdict.toegestaan && verdict.overrideMogelijk;

  useEffect(() => {
    if (send.error) errorRef.current?.focus();
  }, [send.error]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    send.setError(null);
    const found = validateGrant({ ...facts, rows, laws: laws.length, needsMotivation, motivering });
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(fieldIdOf(first, uid))?.focus();
      return;
    }
    if (proposals.some((p) => !p.ok)) return;
    await send.run(async () => {
      const answer = await request<GrantAnswer>("/beschikkingen", {
        method: "POST",
        body: {
          clientId: client.id,
          wet,
          beschikkingnummer: facts.beschikkingnummer.trim(),
          afgiftedatum: facts.afgiftedatum,
          verwijzer: facts.verwijzer || null,
          producten: ready.map((p, i) => ({ ...p, aanbieder: rows[i]!.aanbieder.trim() })),
          ...(needsMotivation ? { override: { motivering: motivering.trim() } } : {}),
        },
      });
      setRows([newRow()]);
      setFacts(noFacts);
      setMotivering("");
      setErrors({});
      onGranted(answer);
    });
  };

  return (
    <section aria-labelledby={`${uid}-h`} className="kader-section">
      <Heading level={2} id={`${uid}-h`}>
        Beschikking afgeven
      </Heading>
      <Paragraph>
        Kader toetst de beschikking terwijl u typt aan de regels van het productenboek (leeftijd, duur en verlengingen, combinaties, omvang, resultaatgebieden).
        Een <strong>fout</strong> houdt de beschikking tegen, een <strong>waarschuwing</strong> informeert, en bij een <strong>oordeel</strong> laat het
        document de afweging aan u: dan geeft u de beschikking af met een motivering.
      </Paragraph>
      <form className="kader-search-form kader-grant-form" onSubmit={submit} noValidate aria-labelledby={`${uid}-h`} data-testid="grant-form">
        <GrantFacts uid={uid} facts={facts} onChange={setFacts} wet={wet} errors={errors} />
        {rows.map((r, i) => (
          <ProductRow
            key={r.key}
            row={r}
            n={i + 1}
            total={rows.length}
            errors={rowErrorsOf(errors, r)}
            onChange={(next) => setRows((rs) => rs.map((x) => (x.key === r.key ? next : x)))}
            onRemove={() => {
              setRows((rs) => rs.filter((x) => x.key !== r.key));
              document.getElementById(`${uid}-add`)?.focus();
            }}
          />
        ))}
        <div className="kader-actions">
          <Button id={`${uid}-add`} appearance="secondary-action-button" onClick={() => setRows((rs) => [...rs, newRow()])}>
            Product toevoegen
          </Button>
        </div>
        <GrantCheck uid={uid} check={check} rows={rows} />
        <Motivation uid={uid} required={needsMotivation} value={motivering} onChange={setMotivering} error={errors.motivering} />
        {send.error ? (
          <div ref={errorRef} tabIndex={-1}>
            <ProblemAlert error={send.error} heading="Afgeven mislukt" />
          </div>
        ) : null}
        <div className="kader-actions">
          <SubmitButton busy={send.busy}>Beschikking afgeven</SubmitButton>
        </div>
      </form>
    </section>
  );
}
