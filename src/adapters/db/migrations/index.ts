import { m001Catalogue } from "./001-catalogue.ts";
import { m002Auth } from "./002-auth.ts";
import { m003Compliance } from "./003-compliance.ts";
import { m004Contracts } from "./004-contracts.ts";
import { m005Care } from "./005-care.ts";
import { m006Quality } from "./006-quality.ts";
import { m007Messages } from "./007-messages.ts";
import { m008Conversion } from "./008-conversion.ts";
import { m009AccessLogSubjects } from "./009-access-log-subjects.ts";
import { m010LoginAttempts } from "./010-login-attempts.ts";
import { m011AnswerWritten } from "./011-answer-written.ts";

/** Versioned migrations, applied in order and recorded in kader_migration. Never edit one that has shipped. */
export const migrations: { version: number; name: string; sql: string }[] = [
  m001Catalogue,
  m002Auth,
  m003Compliance,
  m004Contracts,
  m005Care,
  m006Quality,
  m007Messages,
  m008Conversion,
  m009AccessLogSubjects,
  m010LoginAttempts,
  m011AnswerWritten,
];
