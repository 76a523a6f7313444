import Table from "cli-table3";
import { attemptOutcomeLabel } from "../app/auth.ts";
import { roleLabel } from "../domain/auth/principal.ts";
import { formatProblem, type Problem } from "../domain/shared/problem.ts";
import { nodeSecrets } from "../adapters/security/secrets.ts";
import { envConfig, openKader } from "./compose.ts";
import type { Output } from "./output.ts";

const fail = (out: Output, problems: Problem[]) => {
  for (const p of problems) out.err(formatProblem(p));
  return 1;
};

/** A password from stdin (--password-stdin) or, without it, a generated one that is printed once. */
async function passwordFrom(opts: { passwordStdin?: boolean }): Promise<{ password: string; generated: boolean }> {
  if (!opts.passwordStdin) return { password: nodeSecrets.token().slice(0, 20), generated: true };
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return {
    password: Buffer.concat(chunks)
      .toString("utf8")
      .replace(/\r?\n$/, ""),
    generated: false,
  };
}

/** `kader users add|list|disable|reset-password`: account management on the configured database. */
export async function usersAdd(
  out: Output,
  username: string,
  opts: { role: string; name: string; gemeente?: string; agb?: string; organisatie?: string; passwordStdin?: boolean },
): Promise<number> {
  const { password, generated } = await passwordFrom(opts);
  const k = await openKader(envConfig());
  try {
    const r = await k.auth.addUser({
      username,
      displayName: opts.name,
      role: opts.role,
      ...(opts.gemeente ? { gemeentecode: opts.gemeente } : {}),
      ...(opts.agb ? { agbCode: opts.agb } : {}),
      ...(opts.organisatie ? { tenantName: opts.organisatie } : {}),
      password,
    });
    if (!r.ok) return fail(out, r.problems);
    out.line(`Account ${r.value.username} aangemaakt (${roleLabel[r.value.role]}${r.value.tenant ? `, ${r.value.tenant.name}` : ""}).`);
    if (generated) out.line(`Wachtwoord (eenmalig getoond): ${password}`);
    return 0;
  } finally {
    await k.close();
  }
}

export async function usersList(out: Output, opts: { json?: boolean }): Promise<number> {
  const k = await openKader(envConfig());
  try {
    const users = await k.auth.listUsers();
    if (opts.json) out.json(users);
    else {
      const t = new Table({ head: ["Gebruikersnaam", "Naam", "Rol", "Organisatie", "Status"] });
      for (const u of users)
        t.push([
          u.username,
          u.displayName,
          roleLabel[u.role],
          u.tenant ? `${u.tenant.name} (${u.tenant.kind === "gemeente" ? u.tenant.gemeentecode : u.tenant.agbCode})` : "-",
          u.disabled ? "uitgeschakeld" : "actief",
        ]);
      out.line(t.toString());
    }
    return 0;
  } finally {
    await k.close();
  }
}

export async function usersDisable(out: Output, username: string): Promise<number> {
  const k = await openKader(envConfig());
  try {
    const r = await k.auth.disable(username);
    if (!r.ok) return fail(out, r.problems);
    out.line(`Account ${r.value.username} is uitgeschakeld; open sessies zijn beëindigd.`);
    return 0;
  } finally {
    await k.close();
  }
}

export async function usersResetPassword(out: Output, username: string, opts: { passwordStdin?: boolean }): Promise<number> {
  const { password, generated } = await passwordFrom(opts);
  const k = await openKader(envConfig());
  try {
    const r = await k.auth.resetPassword(username, password);
    if (!r.ok) return fail(out, r.problems);
    out.line(`Nieuw wachtwoord ingesteld voor ${r.value.username}; open sessies zijn beëindigd.`);
    if (generated) out.line(`Wachtwoord (eenmalig getoond): ${password}`);
    return 0;
  } finally {
    await k.close();
  }
}

/** `kader users unlock <naam>`: lifts the lock after too many failed sign-ins (docs/decisions.md, "Sign-in limits"). */
export async function usersUnlock(out: Output, username: string): Promise<number> {
  const k = await openKader(envConfig());
  try {
    const r = await k.auth.unlock(username, "kader-cli");
    if (!r.ok) return fail(out, r.problems);
    out.line(
      r.value.wasLocked
        ? `De blokkade van ${r.value.username} is opgeheven; dit account kan weer inloggen.`
        : `${r.value.username} was niet geblokkeerd; er is niets veranderd.`,
    );
    return 0;
  } finally {
    await k.close();
  }
}

/** `kader users attempts [naam]`: the latest sign-in attempts and the accounts locked now. */
export async function usersAttempts(out: Output, username: string | undefined, opts: { json?: boolean; limit?: string }): Promise<number> {
  const limit = Math.min(1000, Math.max(1, Number.parseInt(opts.limit ?? "50", 10) || 50));
  const k = await openKader(envConfig());
  try {
    const r = await k.auth.loginAttempts({ username, limit });
    if (opts.json) out.json(r);
    else {
      const t = new Table({ head: ["Wanneer", "Gebruikersnaam", "Adres", "Uitkomst"] });
      for (const a of r.items) t.push([a.at, a.username, a.address ?? "-", `${attemptOutcomeLabel[a.outcome]}${a.by ? ` (door ${a.by})` : ""}`]);
      out.line(t.toString());
      out.line(r.locked.length ? `Geblokkeerd: ${r.locked.map((x) => `${x.username} (sinds ${x.since})`).join(", ")}` : "Geen geblokkeerde accounts.");
    }
    return 0;
  } finally {
    await k.close();
  }
}
