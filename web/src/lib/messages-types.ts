/** The shapes the messages routes answer with: the contract's types (src/contract/messages.ts), nothing copied. */
export type { Bericht, Melding, MessageDetail, MessageLog, ProcessedMessage, ProcessedMessages, Verzoek } from "../../../src/contract/messages.ts";
