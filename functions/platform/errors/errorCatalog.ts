// Every error the API can return: a stable machine-readable code, its HTTP status and its title in the
// three languages of the product. Clients switch on `code`; people read `title`.
export type Language = "kk" | "ru" | "en";
export type LocalizedText = Record<Language, string>;

interface CatalogEntry {
  status: number;
  title: LocalizedText;
}

export const errorCatalog = {
  malformed_json: {
    status: 400,
    title: { en: "The request body is not valid JSON", ru: "Тело запроса не является корректным JSON", kk: "Сұраныс денесі жарамды JSON емес" },
  },
  validation_failed: {
    status: 400,
    title: { en: "The request has invalid fields", ru: "В запросе есть недопустимые поля", kk: "Сұраныста жарамсыз өрістер бар" },
  },
  unsupported_media_type: {
    status: 415,
    title: { en: "The request body must be application/json", ru: "Тело запроса должно быть application/json", kk: "Сұраныс денесі application/json болуы керек" },
  },
  payload_too_large: {
    status: 413,
    title: { en: "The request body is too large", ru: "Тело запроса слишком большое", kk: "Сұраныс денесі тым үлкен" },
  },
  unauthorized: {
    status: 401,
    title: { en: "Sign-in is required", ru: "Требуется вход в систему", kk: "Жүйеге кіру қажет" },
  },
  invalid_credentials: {
    status: 401,
    title: { en: "Wrong username or password", ru: "Неверное имя пользователя или пароль", kk: "Пайдаланушы аты немесе құпиясөз қате" },
  },
  token_expired: {
    status: 401,
    title: { en: "The session has expired; sign in again", ru: "Сеанс истёк; войдите снова", kk: "Сеанс мерзімі өтті; қайта кіріңіз" },
  },
  temporary_password_expired: {
    status: 401,
    title: {
      en: "The temporary password has expired; ask your administrator for a new one",
      ru: "Срок действия временного пароля истёк; попросите администратора выдать новый",
      kk: "Уақытша құпиясөздің мерзімі өтті; әкімшіден жаңасын сұраңыз",
    },
  },
  sign_in_session_expired: {
    status: 401,
    title: {
      en: "Too much time passed before the new password was saved; sign in again with the temporary password",
      ru: "Новый пароль не был сохранён вовремя; войдите снова с временным паролем",
      kk: "Жаңа құпиясөз уақытында сақталмады; уақытша құпиясөзбен қайта кіріңіз",
    },
  },
  password_rejected: {
    status: 400,
    title: { en: "This password cannot be used; choose another", ru: "Этот пароль нельзя использовать; выберите другой", kk: "Бұл құпиясөзді қолдануға болмайды; басқасын таңдаңыз" },
  },
  forbidden: {
    status: 403,
    title: { en: "Your role may not do this", ru: "Ваша роль не позволяет это действие", kk: "Сіздің рөліңіз бұл әрекетке рұқсат бермейді" },
  },
  not_found: {
    status: 404,
    title: { en: "Not found", ru: "Не найдено", kk: "Табылмады" },
  },
  route_not_found: {
    status: 404,
    title: { en: "There is no such route", ru: "Такого маршрута нет", kk: "Мұндай маршрут жоқ" },
  },
  method_not_allowed: {
    status: 405,
    title: { en: "This method is not allowed here", ru: "Этот метод здесь не разрешён", kk: "Бұл әдіске мұнда рұқсат жоқ" },
  },
  application_exists: {
    status: 409,
    title: { en: "You have already applied to this vacancy", ru: "Вы уже подали заявку на эту вакансию", kk: "Сіз бұл бос орынға өтінім беріп қойғансыз" },
  },
  applications_closed: {
    status: 409,
    title: { en: "Applications for this vacancy are closed", ru: "Приём заявок на эту вакансию закрыт", kk: "Бұл бос орынға өтінім қабылдау жабылды" },
  },
  invalid_state: {
    status: 409,
    title: { en: "This cannot be done in the current state", ru: "Это невозможно в текущем состоянии", kk: "Қазіргі күйде мұны істеу мүмкін емес" },
  },
  sheet_already_submitted: {
    status: 409,
    title: { en: "The score sheet is already submitted and sealed", ru: "Оценочный лист уже отправлен и запечатан", kk: "Бағалау парағы жіберіліп, мөрленген" },
  },
  already_decided: {
    status: 409,
    title: { en: "This decision has already been made", ru: "Это решение уже принято", kk: "Бұл шешім қабылданып қойған" },
  },
  idempotency_key_reused: {
    status: 422,
    title: { en: "The Idempotency-Key was used for a different request", ru: "Idempotency-Key уже использован для другого запроса", kk: "Idempotency-Key басқа сұраныс үшін қолданылған" },
  },
  closes_at_in_past: {
    status: 422,
    title: { en: "The closing time must lie in the future", ru: "Срок окончания приёма должен быть в будущем", kk: "Қабылдаудың аяқталу уақыты болашақта болуы керек" },
  },
  claims_invalid: {
    status: 422,
    title: { en: "The answers do not match the evaluation sheet", ru: "Ответы не соответствуют оценочному листу", kk: "Жауаптар бағалау парағына сәйкес келмейді" },
  },
  scores_invalid: {
    status: 422,
    title: { en: "The scores do not match the evaluation sheet", ru: "Баллы не соответствуют оценочному листу", kk: "Ұпайлар бағалау парағына сәйкес келмейді" },
  },
  required_document_missing: {
    status: 422,
    title: { en: "A required document is missing", ru: "Отсутствует обязательный документ", kk: "Міндетті құжат жоқ" },
  },
  document_kind_not_allowed: {
    status: 422,
    title: { en: "This kind of document is not accepted here", ru: "Этот вид документа здесь не принимается", kk: "Мұнда бұл құжат түрі қабылданбайды" },
  },
  unsupported_content_type: {
    status: 422,
    title: { en: "Only PDF, JPEG and PNG files are accepted", ru: "Принимаются только файлы PDF, JPEG и PNG", kk: "Тек PDF, JPEG және PNG файлдары қабылданады" },
  },
  file_too_large: {
    status: 413,
    title: { en: "The file is larger than allowed", ru: "Файл больше допустимого размера", kk: "Файл рұқсат етілгеннен үлкен" },
  },
  // The confirmation of an upload (functions/api/documents/confirmDocument.ts): what is wrong with the file itself.
  document_not_uploaded: {
    status: 422,
    title: { en: "The file has not been uploaded yet", ru: "Файл ещё не загружен", kk: "Файл әлі жүктелмеген" },
  },
  document_empty: {
    status: 422,
    title: { en: "The uploaded file is empty", ru: "Загруженный файл пуст", kk: "Жүктелген файл бос" },
  },
  document_size_mismatch: {
    status: 422,
    title: { en: "The uploaded file's size differs from the declared size", ru: "Размер загруженного файла не совпадает с заявленным", kk: "Жүктелген файлдың өлшемі мәлімделгенге сәйкес келмейді" },
  },
  document_too_large: {
    status: 422,
    title: { en: "The uploaded file is larger than allowed", ru: "Загруженный файл больше допустимого размера", kk: "Жүктелген файл рұқсат етілгеннен үлкен" },
  },
  document_type_mismatch: {
    status: 422,
    title: { en: "The uploaded file is not of the declared type", ru: "Загруженный файл не соответствует заявленному типу", kk: "Жүктелген файл мәлімделген түрге сәйкес келмейді" },
  },
  document_type_unsupported: {
    status: 422,
    title: { en: "The uploaded file is not a real PDF, JPEG or PNG", ru: "Загруженный файл не является настоящим PDF, JPEG или PNG", kk: "Жүктелген файл нағыз PDF, JPEG немесе PNG емес" },
  },
  document_active_content: {
    status: 422,
    title: { en: "The PDF contains scripts, actions or embedded files", ru: "PDF содержит сценарии, действия или вложенные файлы", kk: "PDF ішінде сценарийлер, әрекеттер немесе ендірілген файлдар бар" },
  },
  document_changed: {
    status: 422,
    title: { en: "The file was replaced after it was confirmed", ru: "Файл был заменён после подтверждения", kk: "Файл расталғаннан кейін ауыстырылды" },
  },
  vacancy_not_ready: {
    status: 422,
    title: { en: "The vacancy cannot be published as it is", ru: "Вакансию нельзя опубликовать в таком виде", kk: "Бос орынды бұл күйінде жариялау мүмкін емес" },
  },
  results_not_available: {
    status: 409,
    title: { en: "The results are not published yet", ru: "Результаты ещё не опубликованы", kk: "Нәтижелер әлі жарияланған жоқ" },
  },
  // Attestation: the stable codes of checkEligibility's refusals (functions/domain/attestation), one each.
  invalid_request: {
    status: 422,
    title: { en: "The attestation application has an unreadable value", ru: "В заявлении на аттестацию есть недопустимое значение", kk: "Аттестаттауға өтініште жарамсыз мән бар" },
  },
  target_not_attestable: {
    status: 422,
    title: { en: "This category is not awarded by attestation", ru: "Эта категория не присваивается по итогам аттестации", kk: "Бұл санат аттестаттау арқылы берілмейді" },
  },
  category_sequence: {
    status: 422,
    title: { en: "Categories are awarded one step at a time", ru: "Категории присваиваются последовательно", kk: "Санаттар ретімен беріледі" },
  },
  experience_too_short: {
    status: 422,
    title: { en: "The teaching experience is too short for this category", ru: "Педагогический стаж недостаточен для этой категории", kk: "Бұл санат үшін педагогикалық өтіл жеткіліксіз" },
  },
  test_required: {
    status: 422,
    title: { en: "A knowledge test result or an exemption is required", ru: "Требуется результат ОЗП или основание для освобождения", kk: "ПББ нәтижесі немесе босату негізі қажет" },
  },
  test_below_threshold: {
    status: 422,
    title: { en: "The knowledge test score is below the category's threshold", ru: "Результат ОЗП ниже порога для категории", kk: "ПББ нәтижесі санаттың шекті деңгейінен төмен" },
  },
  test_expired: {
    status: 422,
    title: { en: "The knowledge test result is no longer valid", ru: "Результат ОЗП больше не действителен", kk: "ПББ нәтижесінің мерзімі өтті" },
  },
  too_early: {
    status: 422,
    title: { en: "It is too early for an early attestation", ru: "Досрочная аттестация пока невозможна", kk: "Мерзімінен бұрын аттестаттауға әлі ерте" },
  },
  early_not_available: {
    status: 422,
    title: { en: "Early attestation is not available for this category", ru: "Досрочная аттестация на эту категорию не предусмотрена", kk: "Бұл санатқа мерзімінен бұрын аттестаттау көзделмеген" },
  },
  early_requirements_not_met: {
    status: 422,
    title: { en: "Too few requirements for early attestation are met", ru: "Выполнено недостаточно требований для досрочной аттестации", kk: "Мерзімінен бұрын аттестаттау талаптары жеткілікті орындалмаған" },
  },
  last_attestation_missing: {
    status: 422,
    title: { en: "The date of the last attestation is needed", ru: "Требуется дата предыдущей аттестации", kk: "Алдыңғы аттестаттау күні қажет" },
  },
  exemption_invalid: {
    status: 422,
    title: { en: "The claimed exemption from the test does not apply", ru: "Заявленное освобождение от ОЗП не применимо", kk: "ПББ-дан босату негізі қолданылмайды" },
  },
  attestation_inconsistent: {
    status: 422,
    title: { en: "The attestation application contradicts itself", ru: "Заявление на аттестацию противоречиво", kk: "Аттестаттауға өтініш өзара қайшы" },
  },
  candidate_school_unknown: {
    status: 422,
    title: { en: "Your account is not linked to a known school", ru: "Ваша учётная запись не привязана к известной школе", kk: "Тіркелгіңіз белгілі мектепке байланыстырылмаған" },
  },
  no_quorum: {
    status: 422,
    title: { en: "The commission has no quorum", ru: "У комиссии нет кворума", kk: "Комиссияда кворум жоқ" },
  },
  // The commission vote's refusals (functions/domain/attestation/commissionVote.ts), one each.
  invalid_vote: {
    status: 422,
    title: { en: "The vote counts do not add up", ru: "Итоги голосования не сходятся", kk: "Дауыс беру нәтижелері сәйкес келмейді" },
  },
  tie_without_chair_vote: {
    status: 422,
    title: { en: "The votes are tied: the chair's vote is needed", ru: "Голоса разделились поровну: нужен голос председателя", kk: "Дауыстар тең: төрағаның дауысы қажет" },
  },
  appeal_window_closed: {
    status: 409,
    title: { en: "The appeal window has closed", ru: "Срок подачи апелляции истёк", kk: "Апелляция беру мерзімі аяқталды" },
  },
  already_appealed: {
    status: 409,
    title: { en: "This decision has already been appealed", ru: "Это решение уже обжаловано", kk: "Бұл шешімге апелляция берілген" },
  },
  commission_invalid: {
    status: 422,
    title: { en: "The commission does not meet the rules", ru: "Состав комиссии не соответствует правилам", kk: "Комиссия құрамы ережелерге сәйкес емес" },
  },
  conflict_target_invalid: {
    status: 422,
    title: { en: "Name exactly one person or one school", ru: "Укажите ровно одного человека или одну школу", kk: "Дәл бір адамды немесе бір мектепті көрсетіңіз" },
  },
  service_busy: {
    status: 503,
    title: { en: "The service is busy; please retry in a moment", ru: "Сервис занят; повторите через мгновение", kk: "Қызмет бос емес; сәлден кейін қайталаңыз" },
  },
  internal_error: {
    status: 500,
    title: { en: "Something went wrong on our side", ru: "На нашей стороне произошла ошибка", kk: "Біз жақта қате орын алды" },
  },
} as const satisfies Record<string, CatalogEntry>;

export type ErrorCode = keyof typeof errorCatalog;
