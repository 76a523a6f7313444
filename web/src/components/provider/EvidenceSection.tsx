import { Heading, Paragraph } from "@utrecht/component-library-react";
import { useEffect, useRef, useState } from "react";
import { useAction } from "../../lib/action.ts";
import { request } from "../../lib/api.ts";
import { evidenceKindLabel } from "../../lib/labels.ts";
import type { Evidence, Provider, ProviderDetail } from "../../lib/types.ts";
import { ProblemAlert } from "../ProblemAlert.tsx";
import { EvidenceForm } from "./EvidenceForm.tsx";
import { EvidenceTable } from "./EvidenceTable.tsx";

/** The provider's evidence; a contractmanager or the aanbieder itself adds or removes items, which PUTs the whole list. */
export function EvidenceSection({ detail, canWrite, onSaved }: { detail: ProviderDetail; canWrite: boolean; onSaved: () => void }) {
  const { provider: p, signalen } = detail;
  const saving = useAction();
  const { busy, error } = saving;
  const [message, setMessage] = useState("");
  const errorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const save = async (items: Evidence[], done: string) => {
    setMessage("");
    const saved = await saving.run(async () => {
      await request<Provider>(`/aanbieders/${p.agbCode}/bewijs`, { method: "PUT", body: { items } });
      setMessage(done);
      onSaved();
      return true;
    });
    return saved === true;
  };
  const remove = (i: number) => {
    const ev = p.evidence[i]!;
    return save(
      p.evidence.filter((_, j) => j !== i),
      `${evidenceKindLabel[ev.kind]} verwijderd.`,
    );
  };

  return (
    <section aria-labelledby="bewijs-h" className="kader-section">
      <Heading level={2} id="bewijs-h">
        Bewijsstukken
      </Heading>
      {p.evidence.length === 0 ? (
        <Paragraph>Er zijn nog geen bewijsstukken vastgelegd.</Paragraph>
      ) : (
        <EvidenceTable evidence={p.evidence} owner={p.name} signalen={signalen} canWrite={canWrite} busy={busy} onRemove={remove} />
      )}
      <p role="status" className="kader-status">
        {message}
      </p>
      {error ? (
        <div ref={errorRef} tabIndex={-1}>
          <ProblemAlert error={error} heading="Opslaan mislukt" />
        </div>
      ) : null}
      {canWrite ? <EvidenceForm busy={busy} onAdd={(item) => save([...p.evidence, item], `${evidenceKindLabel[item.kind]} toegevoegd.`)} /> : null}
    </section>
  );
}
