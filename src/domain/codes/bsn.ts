/**
 * The burgerservicenummer and its elfproef: nine digits d1…d9 with 9·d1 + 8·d2 + … + 2·d8 − 1·d9 divisible by 11
 * (and not all zeros). Eight-digit numbers are written with a leading zero.
 */
export function isValidBsn(bsn: string): boolean {
  if (!/^[0-9]{9}$/.test(bsn) || bsn === "000000000") return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * (bsn.charCodeAt(i) - 48);
  sum -= bsn.charCodeAt(8) - 48;
  return sum % 11 === 0;
}

/** For logs and screens where a BSN must not appear: the last three digits only. */
export const maskBsn = (bsn: string): string => `******${bsn.slice(-3)}`;
