import { Button, Checkbox, FormLabel, Heading, Paragraph, UnorderedList, UnorderedListItem } from "@utrecht/component-library-react";
import { type FormEvent, useEffect, useState } from "react";
import { useAction } from "../../lib/action.ts";
import { API, request } from "../../lib/api.ts";
import { formatDate } from "../../lib/labels.ts";
import { type PveVersionInfo, pvePath } from "../../lib/quality.ts";
import { RouterLink } from "../../lib/router.tsx";
import { ProblemAlert } from "../ProblemAlert.tsx";
import { SelectField } from "../SelectField.tsx";
import { TextField } from "../TextField.tsx";

/** Invite aanbieders to fill in the self-evaluation of one published version. */
function InviteForm({ id, versies, onInvited }: { id: string; versies: PveVersionInfo[]; onInvited: () => void }) {
  const [version, setVersion] = useState(String(versies.at(-1)?.versie ?? ""));
  const [agbs, setAgbs] = useState("");
  const [contracted, setContracted] = useState(false);
  const [done, setDone] = useState("");
  const inviting = useAction();
  useEffect(() => setVersion(String(versies.at(-1)?.versie ?? "")), [versies]);
  const invite = async (e: FormEvent) => {
    e.preventDefault();
    setDone("");
    await inviting.run(async () => {
      const agbCodes = agbs.split(/[\s,;]+/).filter(Boolean);
      const r = await request<{ items: { agbCode: string }[] }>(`${pvePath(id)}/versies/${version}/uitnodigingen`, {
        method: "POST",
        body: { agbCodes, gecontracteerd: contracted },
      });
      setDone(`Uitgenodigd voor versie ${version}: ${r.items.map((x) => x.agbCode).join(", ")}.`);
      setAgbs("");
      onInvited();
    });
  };
  return (
    <form className="kader-search-form kader-form" onSubmit={invite} aria-labelledby="invite-h" noValidate>
      <Heading level={3} id="invite-h">
        Aanbieders uitnodigen
      </Heading>
      <div className="kader-filters">
        <SelectField
          id="invite-versie"
          label="Versie"
          value={version}
          onChange={setVersion}
          options={versies.map((v): [string, string] => [String(v.versie), `Versie ${v.versie}`])}
        />
        <TextField id="invite-agb" label="AGB-codes" hint="8 cijfers per aanbieder, gescheiden door komma's" value={agbs} onChange={setAgbs} />
      </div>
      <FormLabel htmlFor="invite-contracted" type="checkbox">
        <Checkbox id="invite-contracted" checked={contracted} onChange={(e) => setContracted(e.target.checked)} /> Ook alle aanbieders die de gemeente
        contracteert
      </FormLabel>
      <div className="kader-actions">
        <Button type="submit" appearance="secondary-action-button">
          Uitnodigen
        </Button>
      </div>
      <div role="status">{done || null}</div>
      {inviting.error ? <ProblemAlert error={inviting.error} heading="Uitnodigen mislukt" /> : null}
    </form>
  );
}

/** The published versions with their exports and review page, and the invitation of aanbieders. */
export function Versions({ id, versies, onInvited }: { id: string; versies: PveVersionInfo[]; onInvited: () => void }) {
  if (!versies.length) return <Paragraph>Nog niet gepubliceerd.</Paragraph>;
  return (
    <>
      <UnorderedList data-testid="versies">
        {versies.map((v) => (
          <UnorderedListItem key={v.versie}>
            Versie {v.versie}, gepubliceerd {formatDate(v.publishedAt.slice(0, 10))} door {v.publishedBy}:{" "}
            <a href={`${API}${pvePath(id)}/versies/${v.versie}?format=html`} target="_blank" rel="noopener">
              HTML om te publiceren<span className="kader-visually-hidden"> (versie {v.versie}, opent in nieuw venster)</span>
            </a>{" "}
            ·{" "}
            <a href={`${API}${pvePath(id)}/versies/${v.versie}?format=docx`} download>
              Word<span className="kader-visually-hidden"> (versie {v.versie})</span>
            </a>{" "}
            · <RouterLink href={`/kwaliteit/programmas/${id}/versies/${v.versie}`}>Beoordeling van aanbieders (versie {v.versie})</RouterLink>
          </UnorderedListItem>
        ))}
      </UnorderedList>
      <InviteForm id={id} versies={versies} onInvited={onInvited} />
    </>
  );
}
