import { Alert, Button, Fieldset, FieldsetLegend, Heading, Paragraph } from "@utrecht/component-library-react";
import { type KeyboardEvent, type ReactNode, useState } from "react";
import type { ApiError } from "../lib/api.ts";
import { levelLabel } from "../lib/labels.ts";
import { RouterLink, useLocation } from "../lib/router.tsx";
import {
  isExample,
  type PercentField,
  parseNumber,
  percentLabel,
  type TariffForm,
  tariffForm,
  tariffLevels,
  tariffUnitNoun,
  tariffUnits,
} from "../lib/tariffs.ts";
import { SelectField } from "./SelectField.tsx";
import { TextField } from "./TextField.tsx";

/** Field errors by parameter path ("overhead", "salarissen.mbo4.maandsalaris", "mix.<id>"), from the API or the form. */
export type FieldErrors = Record<string, string>;

export function fieldErrorsOf(error: ApiError | null | undefined): FieldErrors {
  const out: FieldErrors = {};
  for (const p of error?.problem.problems ?? []) if (p.path && p.detail && !out[p.path]) out[p.path] = p.detail;
  return out;
}

/** The id of the form field a parameter path belongs to, so the first wrong field can take focus. */
export function fieldIdFor(path: string, form: TariffForm, productId: string): string | null {
  const [head, ...rest] = path.split(".");
  const tail = rest.join(".");
  if (head === "salarissen" && rest[0]) return `tp-salaris-${rest[0]}`;
  if (head === "nietProductief") {
    const i = form.nietProductief.findIndex((r) => r.naam === tail);
    return form.nietProductief.length ? `tp-np-${Math.max(0, i)}` : "tp-np-nieuw";
  }
  if (head === "eenheden") return "tp-eenheid";
  if (head === "mix") {
    const level = tail.startsWith(`${productId}.`) ? tail.slice(productId.length + 1) : "";
    return `tp-mix-${level || "mbo2"}`;
  }
  if (head === "productId" || head === "product") return "tp-product";
  const ids: Record<string, string> = { contracturenPerJaar: "tp-contracturen", dagdeelUren: "tp-dagdeel", peiljaar: "tp-peiljaar", naam: "tp-naam" };
  return ids[path] ?? (path in percentLabel ? `tp-${path}` : null);
}

/** Moves focus to the field of the first problem that has one on the page; false when none has. */
export function focusFirstField(error: ApiError, form: TariffForm, productId: string): boolean {
  for (const p of error.problem.problems ?? []) {
    const id = p.path ? fieldIdFor(p.path, form, productId) : null;
    const el = id ? document.getElementById(id) : null;
    if (el) {
      el.focus();
      return true;
    }
  }
  return false;
}

/** A number field: a label with its unit, an optional hint, the API's or the form's error under it. */
function NumberField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  hint?: ReactNode;
  inputMode?: "decimal" | "numeric";
  width?: "xs" | "sm";
}) {
  const { inputMode = "decimal", width = "sm", ...field } = props;
  return <TextField {...field} name={props.id} className={`kader-number kader-number--${width}`} inputMode={inputMode} spellCheck={false} />;
}

/** A fieldset-wide error (e.g. "together less than 100%"), referenced by the fieldset. */
function FieldsetError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <Paragraph id={id} className="kader-fieldset-error">
      <strong>Fout:</strong> {error}
    </Paragraph>
  ) : null;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The parameters of the default tariff model as a form: salaries per level in euros, percentages as percent, hours,
 * the non-productive components (add and remove), surcharges. Edits go to the tab's shared form at once.
 */
export function ParameterFields({ form, errors, heading = true }: { form: TariffForm; errors: FieldErrors; heading?: boolean }) {
  const [newName, setNewName] = useState("");
  const [newError, setNewError] = useState<string | null>(null);
  const [message, setMessage] = useState("");
  const set = (f: (x: TariffForm) => TariffForm) => tariffForm.set(f);
  const setPercent = (k: PercentField) => (v: string) => set((x) => ({ ...x, percent: { ...x.percent, [k]: v } }));
  const percentField = (k: PercentField, hint?: ReactNode) => (
    <NumberField id={`tp-${k}`} label={`${percentLabel[k]} (%)`} value={form.percent[k]} onChange={setPercent(k)} error={errors[k]} hint={hint} width="xs" />
  );

  const npTotal = form.nietProductief.reduce((a, r) => a + (parseNumber(r.percentage) || 0), 0);
  const addComponent = () => {
    const naam = newName.trim().toLowerCase();
    const problem = !naam
      ? "Vul een naam in, bijvoorbeeld bereikbaarheidsdienst."
      : form.nietProductief.some((r) => r.naam.toLowerCase() === naam)
        ? `Er is al een onderdeel ${naam}.`
        : null;
    setNewError(problem);
    if (problem) {
      document.getElementById("tp-np-nieuw")?.focus();
      return;
    }
    const index = form.nietProductief.length;
    set((x) => ({ ...x, nietProductief: [...x.nietProductief, { naam, percentage: "" }] }));
    setNewName("");
    setMessage(`Onderdeel ${naam} toegevoegd; vul het percentage in.`);
    // the new field exists after the next render
    setTimeout(() => document.getElementById(`tp-np-${index}`)?.focus(), 0);
  };
  const removeComponent = (i: number) => {
    const naam = form.nietProductief[i]?.naam ?? "";
    set((x) => ({ ...x, nietProductief: x.nietProductief.filter((_, j) => j !== i) }));
    setMessage(`Onderdeel ${naam} verwijderd.`);
    document.getElementById("tp-np-nieuw")?.focus();
  };
  const onNewKey = (e: KeyboardEvent<HTMLInputElement>) => {
    // Enter adds the component instead of submitting the whole form
    if (e.key === "Enter") {
      e.preventDefault();
      addComponent();
    }
  };

  return (
    <div className="kader-params">
      {heading ? (
        <Heading level={2} id="tp-h">
          Parameters
        </Heading>
      ) : null}
      <Alert type="info" className="kader-example-note">
        <Paragraph>
          {isExample(form) ? (
            <>
              <strong>Voorbeeld, geen cao-cijfers.</strong> De ingevulde waarden komen uit het voorbeeld van Kader (tarieven/voorbeeld-2026.yaml). Vervang ze
              door de cijfers van uw eigen kostprijsonderzoek.
            </>
          ) : (
            <>
              <strong>Eigen waarden.</strong> U hebt de voorbeeldwaarden aangepast; ze gelden voor de tariefpagina's in dit tabblad.
            </>
          )}{" "}
          Bedragen vult u in euro's in, percentages als procent (15 betekent 15%), met een komma voor decimalen.
        </Paragraph>
      </Alert>
      <div className="kader-param-grid">
        <Fieldset className="kader-fieldset">
          <FieldsetLegend>Salarissen: bruto maandsalaris per niveau</FieldsetLegend>
          {tariffLevels.map((l) => (
            <NumberField
              key={l}
              id={`tp-salaris-${l}`}
              label={`${levelLabel(l)} (€ per maand)`}
              value={form.salarissen[l]}
              onChange={(v) => set((x) => ({ ...x, salarissen: { ...x.salarissen, [l]: v } }))}
              error={errors[`salarissen.${l}.maandsalaris`] ?? errors[`salarissen.${l}`]}
            />
          ))}
          <FieldsetError id="tp-salarissen-error" error={errors.salarissen} />
        </Fieldset>

        <Fieldset className="kader-fieldset">
          <FieldsetLegend>Loonkosten bovenop het salaris</FieldsetLegend>
          {percentField("vakantiegeld")}
          {percentField("eindejaarsuitkering")}
          {percentField("werkgeverslasten")}
          {percentField("ort", "Alleen voor producten met een vaste 24-uursaanwezigheid of -bereikbaarheid")}
        </Fieldset>

        <Fieldset className="kader-fieldset" invalid={!!errors.nietProductief} aria-describedby={errors.nietProductief ? "tp-np-error" : undefined}>
          <FieldsetLegend>Niet-productieve tijd (% van de contracturen)</FieldsetLegend>
          <FieldsetError id="tp-np-error" error={errors.nietProductief} />
          {form.nietProductief.map((r, i) => (
            <div className="kader-np-row" key={r.naam}>
              <NumberField
                id={`tp-np-${i}`}
                label={`${capital(r.naam)} (%)`}
                value={r.percentage}
                onChange={(v) => set((x) => ({ ...x, nietProductief: x.nietProductief.map((y, j) => (j === i ? { ...y, percentage: v } : y)) }))}
                error={errors[`nietProductief.${r.naam}`]}
                width="xs"
              />
              <Button type="button" appearance="subtle-button" onClick={() => removeComponent(i)}>
                Verwijderen<span className="kader-visually-hidden"> ({r.naam})</span>
              </Button>
            </div>
          ))}
          <Paragraph className="kader-muted" data-testid="np-total">
            Samen {String(Number(npTotal.toPrecision(12))).replace(".", ",")}%; dat moet minder dan 100% zijn.
          </Paragraph>
          <div className="kader-np-add">
            <TextField
              id="tp-np-nieuw"
              name="tp-np-nieuw"
              label="Nieuw onderdeel"
              className="kader-number kader-number--sm"
              error={newError}
              value={newName}
              onChange={setNewName}
              onKeyDown={onNewKey}
            />
            <Button type="button" appearance="secondary-action-button" onClick={addComponent}>
              Onderdeel toevoegen
            </Button>
          </div>
          <p role="status" className="kader-visually-hidden">
            {message}
          </p>
        </Fieldset>

        <Fieldset className="kader-fieldset">
          <FieldsetLegend>Opslagen (% van de uurkosten)</FieldsetLegend>
          {percentField("overhead")}
          {percentField("kapitaallasten")}
          {percentField("leegstand")}
          {percentField("risico")}
          {percentField("indexatie", "Mag negatief zijn (minimaal −50%)")}
        </Fieldset>

        <Fieldset className="kader-fieldset">
          <FieldsetLegend>Uren en naam van de set</FieldsetLegend>
          <NumberField
            id="tp-contracturen"
            label="Contracturen per jaar"
            value={form.contracturenPerJaar}
            onChange={(v) => set((x) => ({ ...x, contracturenPerJaar: v }))}
            error={errors.contracturenPerJaar}
            hint="Bij een volledige baan, bijvoorbeeld 1878"
          />
          <NumberField
            id="tp-dagdeel"
            label="Uren per dagdeel"
            value={form.dagdeelUren}
            onChange={(v) => set((x) => ({ ...x, dagdeelUren: v }))}
            error={errors.dagdeelUren}
            width="xs"
          />
          <NumberField
            id="tp-peiljaar"
            label="Peiljaar"
            value={form.peiljaar}
            onChange={(v) => set((x) => ({ ...x, peiljaar: v }))}
            error={errors.peiljaar}
            inputMode="numeric"
            width="xs"
          />
          <TextField
            id="tp-naam"
            name="tp-naam"
            label="Naam van de set (niet verplicht)"
            maxLength={200}
            error={errors.naam}
            value={form.naam}
            onChange={(v) => set((x) => ({ ...x, naam: v }))}
          />
        </Fieldset>
      </div>
      <div className="kader-actions">
        <Button
          type="button"
          appearance="subtle-button"
          onClick={() => {
            tariffForm.reset();
            setMessage("De voorbeeldwaarden staan weer ingevuld.");
          }}
        >
          Voorbeeldwaarden herstellen
        </Button>
      </div>
    </div>
  );
}

/**
 * What the default model needs for one product and its description does not give: the unit (minuut, uur, dagdeel)
 * and the function mix (percentages per level, together 100%).
 */
export function ProductInputs({
  form,
  productId,
  productName,
  unit,
  mix,
  errors,
}: {
  form: TariffForm;
  productId: string;
  productName: string;
  unit: { reason: string } | null;
  mix: { reason: string } | null;
  errors: FieldErrors;
}) {
  const unitError = errors[`eenheden.${productId}`];
  const mixError = errors[`mix.${productId}`];
  const shares = form.mix[productId] ?? {};
  const mixTotal = tariffLevels.reduce((a, l) => a + (parseNumber(shares[l] ?? "") || 0), 0);
  const dagdeel = parseNumber(form.dagdeelUren);
  return (
    <Fieldset className="kader-fieldset kader-product-inputs">
      <FieldsetLegend>Gegevens voor {productName}</FieldsetLegend>
      {unit ? (
        <SelectField
          id="tp-eenheid"
          name="tp-eenheid"
          label="Eenheid"
          hint={`${capital(unit.reason)}: kies waarin het tarief wordt uitgedrukt.`}
          error={unitError}
          value={form.eenheden[productId] ?? ""}
          onChange={(v) => tariffForm.set((x) => ({ ...x, eenheden: { ...x.eenheden, [productId]: v } }))}
          all="Kies een eenheid"
          options={tariffUnits.map(
            (u) => [u, `${u} – ${tariffUnitNoun[u]}${u === "16" && dagdeel ? ` (${String(dagdeel).replace(".", ",")} uur)` : ""}`] as const,
          )}
        />
      ) : null}
      {mix ? (
        <Fieldset
          className="kader-fieldset kader-mix"
          invalid={!!mixError}
          aria-describedby={["tp-mix-hint", mixError ? "tp-mix-error" : null].filter(Boolean).join(" ")}
        >
          <FieldsetLegend>Functiemix (% per niveau, samen 100%)</FieldsetLegend>
          <Paragraph id="tp-mix-hint" className="kader-muted">
            {capital(mix.reason)}. Laat een niveau leeg als het niet meedoet.
          </Paragraph>
          <FieldsetError id="tp-mix-error" error={mixError} />
          <div className="kader-mix-grid">
            {tariffLevels.map((l) => (
              <NumberField
                key={l}
                id={`tp-mix-${l}`}
                label={`${levelLabel(l)} (%)`}
                value={shares[l] ?? ""}
                onChange={(v) => tariffForm.set((x) => ({ ...x, mix: { ...x.mix, [productId]: { ...x.mix[productId], [l]: v } } }))}
                error={errors[`mix.${productId}.${l}`]}
                width="xs"
              />
            ))}
          </div>
          <Paragraph className="kader-muted" data-testid="mix-total">
            Samen {String(Number(mixTotal.toPrecision(12))).replace(".", ",")}%.
          </Paragraph>
        </Fieldset>
      ) : null}
    </Fieldset>
  );
}

/** The two tariff pages, as a small navigation under the heading. */
export function TariffNav() {
  const { pathname } = useLocation();
  const links = [
    { href: "/tarieven", label: "Tarief van één product" },
    { href: "/tarieven/productenboek", label: "Tarieven van een productenboek" },
  ];
  return (
    <nav aria-label="Tarieven" className="kader-subnav">
      <ul>
        {links.map((l) => (
          <li key={l.href}>
            <RouterLink href={l.href} aria-current={pathname === l.href ? "page" : undefined}>
              {l.label}
            </RouterLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
