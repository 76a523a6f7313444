/** The BSN's elfproef and its mask live with the code lists (src/domain/codes/bsn.ts), so the contract uses them too. */
export { isValidBsn, maskBsn } from "../codes/bsn.ts";
