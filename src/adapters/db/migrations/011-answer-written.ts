export const m011AnswerWritten = {
  version: 11,
  name: "answer-written",
  sql: `
-- When an answer (richting uit) was handed over (docs/berichten.md, "Verwerken"): written to --uit by
-- \`kader berichten verwerk\`, or returned by \`POST /api/v1/berichten\`. null: the answer is committed with its message
-- but not yet written out (the CLI writes its files after the message's transaction): running the same message again
-- writes this answer, byte for byte, instead of answering 9056. Answers from before this column count as handed over.
alter table bericht add column geschreven_op timestamptz;
update bericht set geschreven_op = created_at where richting = 'uit';
create index bericht_ongeschreven on bericht (antwoord_op) where richting = 'uit' and geschreven_op is null;
`,
};
