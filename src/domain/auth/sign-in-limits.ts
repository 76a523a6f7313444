/**
 * Sign-in limits without a lockout that a stranger controls (docs/decisions.md, "Sign-in limits"):
 * - a progressive delay per account + address: after `freeFailures` failures from one address for one account, the
 *   next attempt from that address waits `baseDelaySeconds`, doubling with each further failure up to
 *   `maxDelaySeconds`; a correct password from another address is never delayed by it;
 * - a per-account limit: `accountLimit` failures within `windowHours` (from any address, since the last successful
 *   sign-in) lock the account until an administrator lifts it (Kader has no second factor).
 * Pure: the state comes from the stored attempts, the instant from the clock.
 */
export interface SignInLimits {
  freeFailures: number;
  baseDelaySeconds: number;
  maxDelaySeconds: number;
  accountLimit: number;
  windowHours: number;
}

export const defaultSignInLimits: SignInLimits = { freeFailures: 5, baseDelaySeconds: 1, maxDelaySeconds: 30, accountLimit: 50, windowHours: 24 };

/** What the stored attempts say about one account, seen from one address. */
export interface AttemptState {
  /** failures from this address for this account since its last success there (within the window) */
  addressFailures: number;
  /** the instant of the last of those */
  lastAddressFailureAt: string | null;
  /** failures for this account from any address since its last success or unlock (within the window) */
  accountFailures: number;
  /** the account reached its limit and no administrator has lifted it since */
  locked: boolean;
}

export type SignInDecision = { kind: "check" } | { kind: "delayed"; retryAfterSeconds: number } | { kind: "locked" };

/** The delay in seconds after this many failures from one address. */
export function delaySeconds(failures: number, l: SignInLimits = defaultSignInLimits): number {
  if (failures < l.freeFailures) return 0;
  return Math.min(l.maxDelaySeconds, l.baseDelaySeconds * 2 ** Math.min(30, failures - l.freeFailures));
}

/** May this attempt have its password checked? */
export function decideSignIn(s: AttemptState, nowIso: string, l: SignInLimits = defaultSignInLimits): SignInDecision {
  if (s.locked) return { kind: "locked" };
  const wait = delaySeconds(s.addressFailures, l);
  if (wait > 0 && s.lastAddressFailureAt) {
    const readyMs = Date.parse(s.lastAddressFailureAt) + wait * 1000;
    const nowMs = Date.parse(nowIso);
    if (nowMs < readyMs) return { kind: "delayed", retryAfterSeconds: Math.max(1, Math.ceil((readyMs - nowMs) / 1000)) };
  }
  return { kind: "check" };
}

/** Does a failure on top of this state reach the account's limit? */
export const reachesLimit = (s: AttemptState, l: SignInLimits = defaultSignInLimits) => s.accountFailures + 1 >= l.accountLimit;
