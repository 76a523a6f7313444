import { Heading } from "@utrecht/component-library-react";
import { type FormEvent, useState } from "react";
import { evidenceKindLabel, evidenceKinds } from "../../lib/labels.ts";
import type { Evidence, EvidenceKind } from "../../lib/types.ts";
import { SelectField } from "../SelectField.tsx";
import { SubmitButton } from "../SubmitButton.tsx";
import { TextField, type TextFieldProps } from "../TextField.tsx";

const emptyEvidence = { kind: "kwaliteitscertificaat" as EvidenceKind, date: "", validUntil: "", scope: "", description: "" };

/** The form to add one piece of evidence; `onAdd` saves it and answers whether that worked (then the form is emptied). */
export function EvidenceForm({ busy, onAdd }: { busy: boolean; onAdd: (item: Evidence) => Promise<boolean> }) {
  const [form, setForm] = useState(emptyEvidence);
  const [dateMissing, setDateMissing] = useState(false);
  const set = (k: keyof typeof emptyEvidence) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  /** One text field of the form, named after its key. */
  const field = (k: "date" | "validUntil" | "scope" | "description", id: string, props: Omit<TextFieldProps, "id" | "name" | "value" | "onChange">) => (
    <TextField id={id} name={k} value={form[k]} onChange={set(k)} {...props} />
  );

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setDateMissing(!form.date);
    if (!form.date) {
      document.getElementById("bewijs-date")?.focus();
      return;
    }
    const scope = form.scope.split(/[;,\s]+/).filter(Boolean);
    const item: Evidence = {
      kind: form.kind,
      date: form.date,
      validUntil: form.validUntil || null,
      scope: scope.length ? scope : ["*"],
      description: form.description.trim() || null,
    };
    if (await onAdd(item)) setForm(emptyEvidence);
  };

  return (
    <>
      <Heading level={3}>Bewijsstuk toevoegen</Heading>
      <form className="kader-search-form" onSubmit={add} noValidate aria-label="Bewijsstuk toevoegen">
        <div className="kader-filters">
          <SelectField
            id="bewijs-kind"
            name="kind"
            label="Soort"
            value={form.kind}
            onChange={set("kind")}
            options={evidenceKinds.map((k) => [k, evidenceKindLabel[k]] as const)}
          />
          {field("date", "bewijs-date", {
            type: "date",
            label: "Datum",
            hint: "Afgifte-, audit- of onderzoeksdatum",
            required: true,
            error: dateMissing ? "Vul de datum in." : undefined,
          })}
          {field("validUntil", "bewijs-until", { type: "date", label: "Geldig tot", hint: "Alleen als het stuk een einddatum noemt" })}
          {field("scope", "bewijs-scope", { label: "Geldt voor", hint: "Productcodes of product-id's, gescheiden door ; (leeg: de hele organisatie)" })}
          {field("description", "bewijs-desc", { label: "Omschrijving (niet verplicht)", maxLength: 500 })}
        </div>
        <div className="kader-actions">
          <SubmitButton busy={busy}>Bewijsstuk toevoegen</SubmitButton>
        </div>
      </form>
    </>
  );
}
