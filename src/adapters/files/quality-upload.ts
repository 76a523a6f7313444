import { fileTypeFromBuffer } from "file-type";
import type { FileTypeDetector } from "../../app/quality.ts";
import { ALLOWED_FILE_TYPES, type AllowedFileType } from "../../domain/quality/assessment.ts";

/** Recognises PDF, PNG and JPEG by their magic bytes (file-type); anything else is refused (null). */
export const detectEvidenceType: FileTypeDetector = async (bytes) => {
  const t = await fileTypeFromBuffer(bytes);
  return t && t.mime in ALLOWED_FILE_TYPES ? (t.mime as AllowedFileType) : null;
};
