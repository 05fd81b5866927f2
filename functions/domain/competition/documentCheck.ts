import { missingRequiredDocuments, REQUIRED_COMPETITION_DOCUMENT_KINDS, type UploadFailureReason, type UploadVerdict } from "../documents/documentRules.ts";
import type { LocalizedReason } from "./records.ts";

// The completeness check of an application (DOMAIN.md §2), and of an attestation portfolio (§3): which
// reason, if any, makes it ineligible.
// The reason is shown to the candidate, so it is a stable code plus a text in the three languages.

export type IneligibilityCode =
  | "required_document_missing"
  | "document_not_uploaded"
  | "document_empty"
  | "document_too_large"
  | "document_size_mismatch"
  | "document_type_mismatch"
  | "document_type_unsupported"
  | "document_active_content"
  | "document_changed";

type UploadFailure = UploadFailureReason;

const codeOfFailure: Record<UploadFailure, IneligibilityCode> = {
  not_uploaded: "document_not_uploaded",
  empty: "document_empty",
  too_large: "document_too_large",
  size_mismatch: "document_size_mismatch",
  type_mismatch: "document_type_mismatch",
  unsupported_type: "document_type_unsupported",
  active_content: "document_active_content",
  changed: "document_changed",
};

export const ineligibilityTexts: Record<IneligibilityCode, LocalizedReason> = {
  required_document_missing: {
    en: "A required document (identity card or diploma) is missing.",
    ru: "Отсутствует обязательный документ (удостоверение личности или диплом).",
    kk: "Міндетті құжат (жеке куәлік немесе диплом) жоқ.",
  },
  document_not_uploaded: {
    en: "A required document was registered but its file was never uploaded.",
    ru: "Обязательный документ зарегистрирован, но его файл не был загружен.",
    kk: "Міндетті құжат тіркелген, бірақ оның файлы жүктелмеген.",
  },
  document_empty: {
    en: "An uploaded document is empty.",
    ru: "Загруженный документ пуст.",
    kk: "Жүктелген құжат бос.",
  },
  document_too_large: {
    en: "An uploaded document is larger than allowed.",
    ru: "Загруженный документ больше допустимого размера.",
    kk: "Жүктелген құжат рұқсат етілген өлшемнен үлкен.",
  },
  document_size_mismatch: {
    en: "The size of an uploaded document differs from the size declared for it.",
    ru: "Размер загруженного документа не совпадает с заявленным.",
    kk: "Жүктелген құжаттың өлшемі мәлімделген өлшемге сәйкес келмейді.",
  },
  document_type_mismatch: {
    en: "An uploaded document is not of the file type declared for it.",
    ru: "Загруженный документ не соответствует заявленному типу файла.",
    kk: "Жүктелген құжат мәлімделген файл түріне сәйкес келмейді.",
  },
  document_type_unsupported: {
    en: "An uploaded document is not a real PDF, JPEG or PNG file.",
    ru: "Загруженный документ не является настоящим файлом PDF, JPEG или PNG.",
    kk: "Жүктелген құжат нағыз PDF, JPEG немесе PNG файлы емес.",
  },
  document_active_content: {
    en: "An uploaded PDF contains scripts, actions or embedded files.",
    ru: "Загруженный PDF содержит сценарии, действия или вложенные файлы.",
    kk: "Жүктелген PDF ішінде сценарийлер, әрекеттер немесе ендірілген файлдар бар.",
  },
  document_changed: {
    en: "A document was replaced after its owner confirmed it.",
    ru: "Документ был заменён после того, как владелец его подтвердил.",
    kk: "Құжат иесі оны растағаннан кейін ауыстырылды.",
  },
};

/**
 * The same reasons for an attestation portfolio (Order No. 83, Annex 1 item 8): only the list of required
 * documents differs.
 */
export const attestationIneligibilityTexts: Record<IneligibilityCode, LocalizedReason> = {
  ...ineligibilityTexts,
  required_document_missing: {
    en: "A required document (application, diploma, essay or, unless exempt from the test, the test certificate) is missing.",
    ru: "Отсутствует обязательный документ (заявление, диплом, эссе или, если нет освобождения от тестирования, сертификат ОЗП).",
    kk: "Міндетті құжат (өтініш, диплом, эссе немесе тестілеуден босатылмаса, ПББ сертификаты) жоқ.",
  },
};

export type DocumentVerdict = { documentId: string; kind: string; verdict: UploadVerdict };

export type EligibilityDecision =
  | { eligible: true }
  | { eligible: false; code: IneligibilityCode; kind: string; documentId?: string };

export function ineligibilityCodeOf(failure: UploadFailure): IneligibilityCode {
  return codeOfFailure[failure];
}

/**
 * Decides from the verdicts on every registered document, in order:
 * 1. a file that was uploaded but is wrong (type, size, empty, too large) makes the application ineligible:
 *    the candidate handed in something other than what they declared;
 * 2. otherwise every required kind needs a document that passed. A registration whose file never arrived
 *    (an abandoned upload, later registered again) only counts against the candidate when no other
 *    document of that kind passed.
 */
export function decideEligibility(
  verdicts: readonly DocumentVerdict[],
  required: readonly string[] = REQUIRED_COMPETITION_DOCUMENT_KINDS,
): EligibilityDecision {
  for (const { documentId, kind, verdict } of verdicts) {
    if (!verdict.ok && verdict.reason !== "not_uploaded") return { eligible: false, code: ineligibilityCodeOf(verdict.reason), kind, documentId };
  }
  const missing = missingRequiredDocuments(
    verdicts.filter(({ verdict }) => verdict.ok).map(({ kind }) => kind),
    required,
  );
  const [kind] = missing;
  if (kind === undefined) return { eligible: true };
  const abandoned = verdicts.find((entry) => entry.kind === kind);
  return abandoned
    ? { eligible: false, code: "document_not_uploaded", kind, documentId: abandoned.documentId }
    : { eligible: false, code: "required_document_missing", kind };
}

/** The reason fields an ineligible case records, the same for an application and a portfolio. */
export function ineligibilityReason(decision: Extract<EligibilityDecision, { eligible: false }>, texts: Record<IneligibilityCode, LocalizedReason>) {
  return { reason: decision.code, reasonCode: decision.code, reasonText: texts[decision.code], reasonDocumentKind: decision.kind };
}
