/** Processing iWmo/iJw messages (service.ts); the parts each do one step, see there. */
export { answerFileName } from "./answers.ts";
export { orderInputs } from "./intake.ts";
export type { MessageWithAnswers } from "./reading.ts";
export { MessageService } from "./service.ts";
export type { AnswerFile, BerichtInput, MessageFinding, Outcome, ProcessOptions, ProcessOutcome } from "./types.ts";
