export type Role = "beheerder" | "contractmanager" | "toegang" | "aanbieder" | "controller";

export type Tenant = { kind: "gemeente"; gemeentecode: string; name: string } | { kind: "aanbieder"; agbCode: string; name: string } | null;

export interface User {
  username: string;
  displayName: string;
  role: Role;
  tenant: Tenant;
}

export interface Session {
  user: User;
  csrfToken: string;
}

export interface Account extends User {
  disabled: boolean;
}

/** RFC 9457 problem+json as Kader sends it: `problems` lists every issue, with the parameter or field in `path`. */
export interface ProblemDocument {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  /** an internal error's code, to report to the beheerder (also in the server's error log) */
  correlationId?: string;
  problems?: { code?: string; title?: string; detail: string; path?: string; file?: string; line?: number; column?: string }[];
}
