import type { LocalizedText } from "../rubrics/rubric.ts";
import {
  CEFR_LEVELS,
  LANGUAGE_CERTIFICATE_KINDS,
  type AttestationRules,
  type CefrLevel,
  type LanguageCertificateKind,
} from "./attestationRules.ts";
import { addYearsUtc, assertValidNow, isoDate, parseInstant, type Instant } from "./calendar.ts";
import {
  ATTESTATION_CATEGORIES,
  CATEGORY_LABELS,
  isAttestationCategory,
  isAttestedCategory,
  nextCategory,
  type AttestationCategory,
  type AttestedCategory,
} from "./categories.ts";

// Whether an attestation application may be submitted (DOMAIN.md §3). Every broken rule is reported, not
// only the first, so that a teacher can fix the whole application at once. The codes are stable: the API
// answers 422 with them. Messages quote the rule and its paragraph («п.») of Order No. 83 as amended in 2025.

export const ELIGIBILITY_REFUSAL_CODES = [
  "invalid_request",
  "target_not_attestable",
  "category_sequence",
  "experience_too_short",
  "test_required",
  "test_below_threshold",
  "test_expired",
  "too_early",
  "early_not_available",
  "early_requirements_not_met",
  "last_attestation_missing",
  "exemption_invalid",
] as const;
export type EligibilityRefusalCode = (typeof ELIGIBILITY_REFUSAL_CODES)[number];

export type EligibilityRefusal = {
  code: EligibilityRefusalCode;
  message: LocalizedText;
  details?: Record<string, unknown>;
};

export type ExemptionReason = "experience_30_years" | "confirming_top_category" | "language_certificate";

export type LanguageCertificate = {
  kind: LanguageCertificateKind;
  /** A band score (IELTS 6.5, TOEFL iBT 85) or a CEFR level ("B2", "C1") for DELF and Goethe. */
  level: string | number;
  validUntil?: Instant;
};

export type ExemptionClaim = {
  reason: ExemptionReason;
  certificate?: LanguageCertificate;
  /**
   * For confirming_top_category: how many times in a row the category has already been confirmed without
   * the test, before this application. Missing is read as 0; the commission checks it against the
   * category certificates.
   */
  confirmationsInARow?: number;
};

export type EligibilityRequest = {
  targetCategory: AttestationCategory;
  currentCategory: AttestationCategory;
  currentCategoryValidUntil?: Instant;
  experienceYears: number;
  /** Knowledge test (ОЗП): tasks solved out of rules.knowledgeTest.tasks. */
  test?: { score: number; takenAt: Instant };
  exemption?: ExemptionClaim;
  early?: boolean;
  lastAttestationAt?: Instant;
  /** п.63-64: how many of the listed requirements for early attestation are met; not judged when absent. */
  earlyRequirementsMet?: number;
  yearsToPension?: number;
};

export type EligibilityResult =
  | {
      ok: true;
      testRequired: boolean;
      /** The exemption that was claimed and holds; the test is then not judged. */
      exemption?: ExemptionClaim;
      /** The highest category the test result supports (п.24 caps the decision by it); absent when exempt. */
      testSupports?: AttestationCategory;
      /** п.30: within the pension window attestation is not compulsory; applying is still allowed. */
      pensionExempt: boolean;
    }
  | { ok: false; refusals: EligibilityRefusal[] };

/**
 * The highest category whose pass score (п.39) the test score reaches, or null below all of them. null
 * rather than undefined so that passing the result straight to proposeDecision cannot be mistaken for
 * "no test limit" (an absent field there).
 */
export function categorySupportedByTest(score: number, rules: AttestationRules): AttestationCategory | null {
  let supported: AttestationCategory | null = null;
  for (const category of ATTESTATION_CATEGORIES) {
    if (score >= rules.knowledgeTest.passScores[category]) supported = category;
  }
  return supported;
}

// --- messages -------------------------------------------------------------------------------------------

// Russian declines "year" by case and number: «не менее 1 года / 2 лет», but «через 1 год / 2 года / 5 лет».
function ruYearsGenitive(n: number): string {
  return n % 10 === 1 && n % 100 !== 11 ? "года" : "лет";
}

function ruYearsAccusative(n: number): string {
  const lastTwo = n % 100;
  const last = n % 10;
  if (lastTwo >= 11 && lastTwo <= 14) return "лет";
  if (last === 1) return "год";
  if (last >= 2 && last <= 4) return "года";
  return "лет";
}

const enYears = (n: number): string => (n === 1 ? "year" : "years");

const label = (category: AttestationCategory): LocalizedText => CATEGORY_LABELS[category];

function refusal(code: EligibilityRefusalCode, message: LocalizedText, details?: Record<string, unknown>): EligibilityRefusal {
  return details === undefined ? { code, message } : { code, message, details };
}

function invalid(field: string, problem: string): EligibilityRefusal {
  return refusal(
    "invalid_request",
    {
      kk: `«${field}» өрісінің мәні жарамсыз.`,
      ru: `Недопустимое значение поля «${field}».`,
      en: `Invalid value of “${field}”.`,
    },
    { field, problem },
  );
}

function exemptionInvalid(problem: string, message: LocalizedText, details: Record<string, unknown> = {}): EligibilityRefusal {
  return refusal("exemption_invalid", message, { problem, ...details });
}

// --- checks ---------------------------------------------------------------------------------------------

function checkSequence(request: EligibilityRequest, refusals: EligibilityRefusal[]): void {
  const { targetCategory: target, currentCategory: current } = request;
  if (!isAttestedCategory(target)) {
    refusals.push(
      refusal("target_not_attestable", {
        kk: "«Педагог» санаты аттестаттау арқылы берілмейді: «педагог-модератор» немесе одан жоғары санатты таңдаңыз (5-т.).",
        ru: "Категория «педагог» не присваивается по итогам аттестации: заявите категорию «педагог-модератор» или выше (п.5).",
        en: "The category “teacher” is not awarded by attestation: claim “moderator” or above (п.5).",
      }),
    );
    return;
  }
  // п.5: categories are climbed in order, one step at a time; an attestation may also confirm the current one.
  if (target !== current && target !== nextCategory(current)) {
    refusals.push(
      refusal(
        "category_sequence",
        {
          kk: `Санаттар ретімен беріледі (5-т.): «${label(current).kk}» санатынан кейін тек келесі санатқа өтінім беруге немесе қазіргі санатты растауға болады.`,
          ru: `Категории присваиваются последовательно (п.5): при категории «${label(current).ru}» можно заявить только следующую категорию или подтвердить имеющуюся.`,
          en: `Categories are awarded in order (п.5): with the category “${label(current).en}” you may claim only the next category or confirm your current one.`,
        },
        { currentCategory: current, targetCategory: target, allowed: [current, nextCategory(current)].filter((c) => c !== undefined && c !== "teacher") },
      ),
    );
  }
}

function checkExperience(request: EligibilityRequest, rules: AttestationRules, refusals: EligibilityRefusal[]): void {
  const needed = rules.minExperienceYears[request.targetCategory];
  if (needed === undefined || request.experienceYears >= needed) return;
  const target = label(request.targetCategory);
  refusals.push(
    refusal(
      "experience_too_short",
      {
        kk: `«${target.kk}» санаты үшін кемінде ${needed} жыл педагогикалық жұмыс өтілі қажет (5-т.).`,
        ru: `Для категории «${target.ru}» требуется педагогический стаж не менее ${needed} ${ruYearsGenitive(needed)} (п.5).`,
        en: `The category “${target.en}” needs at least ${needed} ${enYears(needed)}' teaching experience (п.5).`,
      },
      { experienceYears: request.experienceYears, minimum: needed },
    ),
  );
}

function certificateLevelOk(
  certificate: LanguageCertificate,
  target: AttestedCategory,
  rules: AttestationRules,
): { ok: true } | { ok: false; problem: "unreadable" | "too_low"; minimum: number | CefrLevel } {
  const requirement = rules.exemptions.languageCertificates[certificate.kind];
  if (requirement.scale === "score") {
    const minimum = requirement.minimum[target];
    const level =
      typeof certificate.level === "number" ? certificate.level : Number(certificate.level.trim().replace(",", "."));
    if (typeof certificate.level === "string" && certificate.level.trim() === "") return { ok: false, problem: "unreadable", minimum };
    if (!Number.isFinite(level)) return { ok: false, problem: "unreadable", minimum };
    return level >= minimum ? { ok: true } : { ok: false, problem: "too_low", minimum };
  }
  const minimum = requirement.minimum[target];
  // "B2", "c1", "Goethe-Zertifikat C1": the CEFR level is the token that matters.
  const match = typeof certificate.level === "string" ? /\b([ABC][12])\b/i.exec(certificate.level) : null;
  const level = match?.[1]?.toUpperCase() as CefrLevel | undefined;
  if (level === undefined || !CEFR_LEVELS.includes(level)) return { ok: false, problem: "unreadable", minimum };
  return CEFR_LEVELS.indexOf(level) >= CEFR_LEVELS.indexOf(minimum) ? { ok: true } : { ok: false, problem: "too_low", minimum };
}

function checkExemption(
  request: EligibilityRequest,
  exemption: ExemptionClaim,
  rules: AttestationRules,
  now: Date,
  refusals: EligibilityRefusal[],
): void {
  const { targetCategory: target, currentCategory: current } = request;
  const confirming = target === current;
  const rule = rules.exemptions;
  switch (exemption.reason) {
    case "experience_30_years": {
      if (request.experienceYears < rule.experienceYears) {
        refusals.push(
          exemptionInvalid(
            "experience_too_short",
            {
              kk: `ПББ-дан өтілі бойынша босату кемінде ${rule.experienceYears} жыл педагогикалық жұмыс өтілі болғанда беріледі (57-т.).`,
              ru: `Освобождение от ОЗП по стажу предоставляется при педагогическом стаже не менее ${rule.experienceYears} ${ruYearsGenitive(rule.experienceYears)} (п.57).`,
              en: `Exemption from the knowledge test by experience needs at least ${rule.experienceYears} years' teaching experience (п.57).`,
            },
            { experienceYears: request.experienceYears, minimum: rule.experienceYears },
          ),
        );
      }
      if (!confirming) {
        refusals.push(
          exemptionInvalid("not_confirming", {
            kk: "ПББ-дан өтілі бойынша босату тек қазіргі санатты растаған кезде қолданылады (57-т.).",
            ru: "Освобождение от ОЗП по стажу действует только при подтверждении имеющейся категории (п.57).",
            en: "Exemption from the knowledge test by experience applies only when confirming the current category (п.57).",
          }),
        );
      }
      return;
    }
    case "confirming_top_category": {
      if (!confirming || !rule.topCategories.some((category) => category === target)) {
        refusals.push(
          exemptionInvalid(
            "not_confirming_top_category",
            {
              kk: "ПББ-сыз тек «педагог-зерттеуші» және «педагог-шебер» санаттарын растауға болады (57-т.).",
              ru: "Без ОЗП можно только подтвердить категорию «педагог-исследователь» или «педагог-мастер» (п.57).",
              en: "Only the categories “researcher” and “master” can be confirmed without the knowledge test (п.57).",
            },
            { topCategories: [...rule.topCategories] },
          ),
        );
        return;
      }
      const before = exemption.confirmationsInARow ?? 0;
      if (before >= rule.maxTopConfirmationsInARow) {
        const max = rule.maxTopConfirmationsInARow;
        refusals.push(
          exemptionInvalid(
            "too_many_confirmations_in_a_row",
            {
              kk: `«Педагог-зерттеуші» және «педагог-шебер» санаттары ПББ-сыз қатарынан ${max} реттен артық расталмайды (57-т.).`,
              ru: `Категории «педагог-исследователь» и «педагог-мастер» подтверждаются без ОЗП не более ${max} раз подряд (п.57).`,
              en: `The categories “researcher” and “master” can be confirmed without the knowledge test at most ${max} times in a row (п.57).`,
            },
            { confirmationsInARow: before, maximum: max },
          ),
        );
      }
      return;
    }
    case "language_certificate": {
      const certificate = exemption.certificate;
      if (certificate === undefined) {
        refusals.push(
          exemptionInvalid("certificate_missing", {
            kk: "ПББ-дан босату үшін IELTS, TOEFL, DELF немесе Goethe қолданыстағы сертификатын көрсетіңіз (55-56-тт.).",
            ru: "Для освобождения от ОЗП укажите действующий сертификат IELTS, TOEFL, DELF или Goethe (пп.55-56).",
            en: "To be exempt from the knowledge test, give a current IELTS, TOEFL, DELF or Goethe certificate (п.55-56).",
          }),
        );
        return;
      }
      if (!LANGUAGE_CERTIFICATE_KINDS.includes(certificate.kind)) {
        refusals.push(
          exemptionInvalid(
            "certificate_kind_not_accepted",
            {
              kk: `${String(certificate.kind)} сертификаты ПББ-дан босатпайды: IELTS, TOEFL iBT, DELF және Goethe қабылданады (55-56-тт.).`,
              ru: `Сертификат ${String(certificate.kind)} не освобождает от ОЗП: принимаются IELTS, TOEFL iBT, DELF и Goethe (пп.55-56).`,
              en: `A ${String(certificate.kind)} certificate does not exempt from the knowledge test: IELTS, TOEFL iBT, DELF and Goethe do (п.55-56).`,
            },
            { kind: certificate.kind },
          ),
        );
        return;
      }
      if (!isAttestedCategory(target)) return; // already refused as target_not_attestable
      const level = certificateLevelOk(certificate, target, rules);
      const shown = String(certificate.level);
      if (!level.ok && level.problem === "unreadable") {
        refusals.push(
          exemptionInvalid(
            "certificate_level_unreadable",
            {
              kk: `${certificate.kind} сертификатының деңгейі анықталмады: «${shown}».`,
              ru: `Не удалось распознать уровень сертификата ${certificate.kind}: «${shown}».`,
              en: `The level of the ${certificate.kind} certificate could not be read: “${shown}”.`,
            },
            { kind: certificate.kind, level: certificate.level },
          ),
        );
      } else if (!level.ok) {
        const t = label(target);
        refusals.push(
          exemptionInvalid(
            "certificate_level_too_low",
            {
              kk: `«${t.kk}» санаты үшін ${certificate.kind} деңгейі кемінде ${level.minimum} болуы керек, көрсетілгені: ${shown} (55-56-тт.).`,
              ru: `Для категории «${t.ru}» требуется ${certificate.kind} не ниже ${level.minimum}, указано: ${shown} (пп.55-56).`,
              en: `The category “${t.en}” needs ${certificate.kind} of at least ${level.minimum}; given: ${shown} (п.55-56).`,
            },
            { kind: certificate.kind, level: certificate.level, minimum: level.minimum },
          ),
        );
      }
      if (certificate.validUntil !== undefined) {
        const validUntil = parseInstant(certificate.validUntil);
        if (validUntil === undefined) refusals.push(invalid("exemption.certificate.validUntil", "not_a_date"));
        else if (now.getTime() > validUntil.getTime()) {
          const date = isoDate(validUntil);
          refusals.push(
            exemptionInvalid(
              "certificate_expired",
              {
                kk: `${certificate.kind} сертификатының қолданылу мерзімі ${date} аяқталды; қолданыстағы сертификат қажет (55-56-тт.).`,
                ru: `Срок действия сертификата ${certificate.kind} истёк ${date}; требуется действующий сертификат (пп.55-56).`,
                en: `The ${certificate.kind} certificate expired on ${date}; a current certificate is needed (п.55-56).`,
              },
              { kind: certificate.kind, validUntil: validUntil.toISOString() },
            ),
          );
        }
      }
      return;
    }
    default: {
      // The type says this cannot happen; untyped JSON can still bring it.
      refusals.push(invalid("exemption.reason", "unknown_reason"));
    }
  }
}

/** Returns the category the test supports when the test is usable for the target, else records why not. */
function checkTest(
  request: EligibilityRequest,
  rules: AttestationRules,
  now: Date,
  refusals: EligibilityRefusal[],
): AttestationCategory | undefined {
  const test = request.test;
  if (test === undefined) {
    refusals.push(
      refusal("test_required", {
        kk: "Педагогтің білімін бағалау (ПББ) нәтижесі (4-т.) немесе одан босату негізі (55-57-тт.) қажет.",
        ru: "Требуется результат оценки знаний педагогов (ОЗП) (п.4) либо основание для освобождения от неё (пп.55-57).",
        en: "A teacher knowledge test result is required (п.4), or a ground for exemption from it (п.55-57).",
      }),
    );
    return undefined;
  }
  const { tasks, passScores, validityYears } = rules.knowledgeTest;
  const takenAt = parseInstant(test.takenAt);
  let usable = true;
  if (!Number.isInteger(test.score) || test.score < 0 || test.score > tasks) {
    refusals.push(invalid("test.score", `not_an_integer_from_0_to_${tasks}`));
    usable = false;
  }
  if (takenAt === undefined) {
    refusals.push(invalid("test.takenAt", "not_a_date"));
    return undefined;
  }
  if (takenAt.getTime() > now.getTime()) {
    refusals.push(invalid("test.takenAt", "in_the_future"));
    return undefined;
  }
  const expiresAt = addYearsUtc(takenAt, validityYears);
  if (now.getTime() > expiresAt.getTime()) {
    const date = isoDate(expiresAt);
    refusals.push(
      refusal(
        "test_expired",
        {
          kk: `ПББ нәтижесі ${validityYears} жыл жарамды; оның мерзімі ${date} аяқталды (39-т.). Тестілеуді қайта тапсырыңыз.`,
          ru: `Результат ОЗП действителен ${validityYears} ${ruYearsAccusative(validityYears)}; срок истёк ${date} (п.39). Пройдите тестирование повторно.`,
          en: `A knowledge test result is valid for ${validityYears} ${enYears(validityYears)}; this one expired on ${date} (п.39). Take the test again.`,
        },
        { takenAt: takenAt.toISOString(), expiredAt: expiresAt.toISOString() },
      ),
    );
    usable = false;
  }
  if (!usable) return undefined;
  // The test is a stage of its own (п.4), and п.24 caps the granted category at the one the result
  // supports. So a result below the TARGET's pass score does not bar the portfolio review; it only caps
  // the outcome. What bars it is a result that does not even support the category the teacher holds,
  // since then no outcome of the review could stand on it (product decision, documented in the README).
  const needed = passScores[request.currentCategory];
  if (test.score < needed) {
    const t = label(request.currentCategory);
    refusals.push(
      refusal(
        "test_below_threshold",
        {
          kk: `ПББ нәтижесі (${tasks}-ден ${test.score}) қазіргі «${t.kk}» санатының шекті деңгейінен төмен: кемінде ${needed} қажет (39-т.).`,
          ru: `Результат ОЗП (${test.score} из ${tasks}) ниже порогового уровня текущей категории «${t.ru}»: требуется не менее ${needed} (п.39).`,
          en: `The knowledge test score (${test.score} of ${tasks}) is below the threshold of the current category “${t.en}”: at least ${needed} is needed (п.39).`,
        },
        { score: test.score, threshold: needed, targetThreshold: passScores[request.targetCategory], supports: categorySupportedByTest(test.score, rules) },
      ),
    );
  }
  return categorySupportedByTest(test.score, rules) ?? undefined;
}

function checkEarly(request: EligibilityRequest, rules: AttestationRules, now: Date, refusals: EligibilityRefusal[]): void {
  if (request.early !== true) return;
  const target = request.targetCategory;
  const requirements = rules.early.requirementsToMeet[target];
  if (requirements === undefined) {
    const allowed = ATTESTATION_CATEGORIES.filter((category) => rules.early.requirementsToMeet[category] !== undefined);
    const list = (language: keyof LocalizedText) => allowed.map((category) => `«${label(category)[language]}»`).join(", ");
    refusals.push(
      refusal(
        "early_not_available",
        {
          kk: `Мерзімінен бұрын аттестаттау тек ${list("kk")} санаттарына көзделген (63-64-тт.).`,
          ru: `Досрочная аттестация предусмотрена только на категории ${list("ru")} (пп.63-64).`,
          en: `Early attestation is only available for the categories ${list("en")} (п.63-64).`,
        },
        { allowed },
      ),
    );
    return;
  }
  if (request.earlyRequirementsMet !== undefined && request.earlyRequirementsMet < requirements) {
    const t = label(target);
    refusals.push(
      refusal(
        "early_requirements_not_met",
        {
          kk: `«${t.kk}» санатына мерзімінен бұрын аттестаттау үшін тізбедегі кемінде ${requirements} талапқа сәйкес болу қажет (63-64-тт.).`,
          ru: `Для досрочной аттестации на категорию «${t.ru}» необходимо соответствовать не менее чем ${requirements} требованиям перечня (пп.63-64).`,
          en: `Early attestation for “${t.en}” needs at least ${requirements} of the listed requirements to be met (п.63-64).`,
        },
        { met: request.earlyRequirementsMet, minimum: requirements },
      ),
    );
  }
  if (request.lastAttestationAt === undefined) {
    refusals.push(
      refusal("last_attestation_missing", {
        kk: "Мерзімінен бұрын аттестаттау үшін алдыңғы аттестаттау күнін көрсетіңіз (63-64-тт.).",
        ru: "Для досрочной аттестации укажите дату предыдущей аттестации (пп.63-64).",
        en: "For early attestation, give the date of the last attestation (п.63-64).",
      }),
    );
    return;
  }
  const last = parseInstant(request.lastAttestationAt);
  if (last === undefined) {
    refusals.push(invalid("lastAttestationAt", "not_a_date"));
    return;
  }
  const years = rules.early.minYearsSinceLast;
  const earliest = addYearsUtc(last, years);
  if (now.getTime() < earliest.getTime()) {
    const date = isoDate(earliest);
    refusals.push(
      refusal(
        "too_early",
        {
          kk: `Мерзімінен бұрын аттестаттау алдыңғы аттестаттаудан кейін ${years} жылдан ерте емес өткізіледі (63-64-тт.); ең ерте күн: ${date}.`,
          ru: `Досрочная аттестация проводится не ранее чем через ${years} ${ruYearsAccusative(years)} после предыдущей аттестации (пп.63-64); ближайшая дата: ${date}.`,
          en: `Early attestation is possible no sooner than ${years} ${enYears(years)} after the last attestation (п.63-64); the earliest date is ${date}.`,
        },
        { lastAttestationAt: last.toISOString(), earliest: earliest.toISOString() },
      ),
    );
  }
}

function checkShape(request: EligibilityRequest, refusals: EligibilityRefusal[]): boolean {
  // The API validates shapes first; this guards the domain against callers that skip it.
  const before = refusals.length;
  if (!isAttestationCategory(request.targetCategory)) refusals.push(invalid("targetCategory", "unknown_category"));
  if (!isAttestationCategory(request.currentCategory)) refusals.push(invalid("currentCategory", "unknown_category"));
  if (!Number.isFinite(request.experienceYears) || request.experienceYears < 0) {
    refusals.push(invalid("experienceYears", "not_a_non_negative_number"));
  }
  if (request.currentCategoryValidUntil !== undefined && parseInstant(request.currentCategoryValidUntil) === undefined) {
    refusals.push(invalid("currentCategoryValidUntil", "not_a_date"));
  }
  if (request.yearsToPension !== undefined && !(Number.isFinite(request.yearsToPension) && request.yearsToPension >= 0)) {
    refusals.push(invalid("yearsToPension", "not_a_non_negative_number"));
  }
  const inARow = request.exemption?.confirmationsInARow;
  if (inARow !== undefined && !(Number.isInteger(inARow) && inARow >= 0)) {
    refusals.push(invalid("exemption.confirmationsInARow", "not_a_non_negative_integer"));
  }
  const met = request.earlyRequirementsMet;
  if (met !== undefined && !(Number.isInteger(met) && met >= 0)) refusals.push(invalid("earlyRequirementsMet", "not_a_non_negative_integer"));
  // Categories are needed by every later rule; without them nothing else can be judged.
  return isAttestationCategory(request.targetCategory) && isAttestationCategory(request.currentCategory) && refusals.length === before;
}

/**
 * Judges an attestation application against the pinned rules at `now`.
 *
 * With an exemption claimed, only the exemption is judged and the test is ignored: the claim decides which
 * documents are required (the test certificate is not), so a wrong claim has to be corrected rather than
 * silently replaced by a test result. Without one, the test must be current (taken at most
 * `validityYears` before `now`) and reach the TARGET category's pass score (п.39). A test that reaches only a
 * lower category is refused here; п.24's cap (categorySupportedByTest) still matters when the result changes
 * after submission, e.g. on a test appeal, and is returned as `testSupports` for proposeDecision.
 */
export function checkEligibility(request: EligibilityRequest, rules: AttestationRules, now: Date): EligibilityResult {
  assertValidNow(now);
  const refusals: EligibilityRefusal[] = [];
  if (!checkShape(request, refusals)) return { ok: false, refusals };

  checkSequence(request, refusals);
  checkExperience(request, rules, refusals);
  let testSupports: AttestationCategory | undefined;
  if (request.exemption !== undefined) checkExemption(request, request.exemption, rules, now, refusals);
  else testSupports = checkTest(request, rules, now, refusals);
  checkEarly(request, rules, now, refusals);

  if (refusals.length > 0) return { ok: false, refusals };
  const pensionExempt = request.yearsToPension !== undefined && request.yearsToPension <= rules.pensionExemptionYears;
  if (request.exemption !== undefined) return { ok: true, testRequired: false, exemption: request.exemption, pensionExempt };
  return testSupports === undefined ? { ok: true, testRequired: true, pensionExempt } : { ok: true, testRequired: true, testSupports, pensionExempt };
}
