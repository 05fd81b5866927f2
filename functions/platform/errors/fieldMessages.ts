import type { Language } from "./errorCatalog.ts";

// Messages for individual fields, keyed by a stable issue code. Zod's issue codes and the rubric
// validator's codes share this table so that every field error reads the same way in kk, ru and en.
type Template = (p: Record<string, unknown>) => string;

const templates: Record<string, Record<Language, Template>> = {
  invalid_type: {
    en: (p) => `Expected ${p.expected}`,
    ru: (p) => `Ожидается тип ${p.expected}`,
    kk: (p) => `Күтілетін түрі: ${p.expected}`,
  },
  too_small: {
    en: (p) => (p.origin === "string" ? `Must be at least ${p.minimum} characters` : `Must be at least ${p.minimum}`),
    ru: (p) => (p.origin === "string" ? `Не короче ${p.minimum} символов` : `Не меньше ${p.minimum}`),
    kk: (p) => (p.origin === "string" ? `Кемінде ${p.minimum} таңба болуы керек` : `Кемінде ${p.minimum} болуы керек`),
  },
  too_big: {
    en: (p) => (p.origin === "string" ? `Must be at most ${p.maximum} characters` : `Must be at most ${p.maximum}`),
    ru: (p) => (p.origin === "string" ? `Не длиннее ${p.maximum} символов` : `Не больше ${p.maximum}`),
    kk: (p) => (p.origin === "string" ? `Ең көбі ${p.maximum} таңба болуы керек` : `Ең көбі ${p.maximum} болуы керек`),
  },
  invalid_format: {
    en: (p) => `Must be a valid ${p.format}`,
    ru: (p) => `Должно быть корректным значением формата ${p.format}`,
    kk: (p) => `${p.format} пішімінде дұрыс мән болуы керек`,
  },
  invalid_value: {
    en: (p) => `Must be one of: ${list(p.values)}`,
    ru: (p) => `Допустимые значения: ${list(p.values)}`,
    kk: (p) => `Рұқсат етілген мәндер: ${list(p.values)}`,
  },
  unrecognized_keys: {
    en: (p) => `Unknown field(s): ${list(p.keys)}`,
    ru: (p) => `Неизвестные поля: ${list(p.keys)}`,
    kk: (p) => `Белгісіз өрістер: ${list(p.keys)}`,
  },
  invalid_union: {
    en: () => "Has neither of the accepted forms",
    ru: () => "Не соответствует ни одной допустимой форме",
    kk: () => "Рұқсат етілген пішіндердің ешқайсысына сәйкес келмейді",
  },
  not_multiple_of: {
    en: (p) => `Must be a multiple of ${p.divisor}`,
    ru: (p) => `Должно быть кратно ${p.divisor}`,
    kk: (p) => `${p.divisor} еселігі болуы керек`,
  },
  required: {
    en: () => "Is required",
    ru: () => "Обязательное поле",
    kk: () => "Міндетті өріс",
  },
  unknown_criterion: {
    en: () => "Is not a criterion of this evaluation sheet",
    ru: () => "Такого критерия нет в оценочном листе",
    kk: () => "Бағалау парағында мұндай критерий жоқ",
  },
  unknown_option: {
    en: () => "Is not one of this criterion's options",
    ru: () => "Такого варианта у критерия нет",
    kk: () => "Критерийде мұндай нұсқа жоқ",
  },
  out_of_range: {
    en: () => "Is outside the criterion's range",
    ru: () => "Вне допустимого диапазона критерия",
    kk: () => "Критерийдің рұқсат етілген аралығынан тыс",
  },
  not_a_step: {
    en: () => "Is not a step of this criterion's scale",
    ru: () => "Не соответствует шагу шкалы критерия",
    kk: () => "Критерий шкаласының қадамына сәйкес келмейді",
  },
  wrong_kind: {
    en: () => "Has the wrong kind of answer for this criterion (an option or a number)",
    ru: () => "Неверный вид ответа для критерия (вариант или число)",
    kk: () => "Критерийге жауап түрі қате (нұсқа немесе сан)",
  },
  missing: {
    en: () => "Must be answered",
    ru: () => "Требует ответа",
    kk: () => "Жауап беру қажет",
  },
  missing_document: {
    en: (p) => `The document "${p.kind}" is required`,
    ru: (p) => `Требуется документ «${p.kind}»`,
    kk: (p) => `«${p.kind}» құжаты міндетті`,
  },
  document_not_confirmed: {
    en: (p) => `The document "${p.kind}" is uploaded but not confirmed, or its upload was refused`,
    ru: (p) => `Документ «${p.kind}» загружен, но не подтверждён, или его загрузка отклонена`,
    kk: (p) => `«${p.kind}» құжаты жүктелген, бірақ расталмаған немесе оны жүктеу қабылданбаған`,
  },
  only_with: {
    en: (p) => `Is only allowed when ${p.when}`,
    ru: (p) => `Допускается только когда ${p.when}`,
    kk: (p) => `Тек ${p.when} болғанда рұқсат етіледі`,
  },
  in_the_future: {
    en: () => "Must not lie in the future",
    ru: () => "Не может быть в будущем",
    kk: () => "Болашақта болмауы керек",
  },
  exactly_one: {
    en: (p) => `Give exactly one of: ${list(p.fields)}`,
    ru: (p) => `Укажите ровно одно из: ${list(p.fields)}`,
    kk: (p) => `Мыналардың дәл біреуін көрсетіңіз: ${list(p.fields)}`,
  },
  self_conflict: {
    en: () => "You cannot declare a conflict of interest with yourself",
    ru: () => "Нельзя заявить конфликт интересов с самим собой",
    kk: () => "Өзіңізбен мүдделер қақтығысын мәлімдеуге болмайды",
  },
  unknown_school: {
    en: (p) => `There is no school ${p.id}`,
    ru: (p) => `Школы ${p.id} нет`,
    kk: (p) => `${p.id} мектебі жоқ`,
  },
  unknown_user: {
    en: (p) => `There is no user ${p.id}`,
    ru: (p) => `Пользователя ${p.id} нет`,
    kk: (p) => `${p.id} пайдаланушысы жоқ`,
  },
  not_an_expert: {
    en: (p) => `User ${p.id} is not an expert`,
    ru: (p) => `Пользователь ${p.id} не является экспертом`,
    kk: (p) => `${p.id} пайдаланушысы сарапшы емес`,
  },
  experience_below_minimum: {
    en: (p) => `User ${p.id} has ${p.experienceYears} years' experience; at least ${p.minimum} are needed`,
    ru: (p) => `У пользователя ${p.id} стаж ${p.experienceYears} лет; требуется не менее ${p.minimum}`,
    kk: (p) => `${p.id} пайдаланушысының өтілі ${p.experienceYears} жыл; кемінде ${p.minimum} жыл қажет`,
  },
  duplicate_member: {
    en: (p) => `User ${p.id} is listed more than once`,
    ru: (p) => `Пользователь ${p.id} указан несколько раз`,
    kk: (p) => `${p.id} пайдаланушысы бірнеше рет көрсетілген`,
  },
  one_chair: {
    en: (p) => `A commission has exactly one chair; ${p.count} given`,
    ru: (p) => `У комиссии ровно один председатель; указано ${p.count}`,
    kk: (p) => `Комиссияның дәл бір төрағасы болады; көрсетілгені ${p.count}`,
  },
  odd_voting_members: {
    en: (p) => `The chair and members must be an odd number; ${p.count} given`,
    ru: (p) => `Число председателя и членов должно быть нечётным; указано ${p.count}`,
    kk: (p) => `Төраға мен мүшелер саны тақ болуы керек; көрсетілгені ${p.count}`,
  },
  too_few_members: {
    en: (p) => `At least ${p.minimum} voting members (chair and members) are needed; ${p.count} given`,
    ru: (p) => `Требуется не менее ${p.minimum} голосующих членов (председатель и члены); указано ${p.count}`,
    kk: (p) => `Кемінде ${p.minimum} дауыс беретін мүше (төраға мен мүшелер) қажет; көрсетілгені ${p.count}`,
  },
  required_for_level: {
    en: (p) => `Is required for a ${p.level}-level commission`,
    ru: (p) => `Обязательно для комиссии уровня «${p.level}»`,
    kk: (p) => `«${p.level}» деңгейіндегі комиссия үшін міндетті`,
  },
  not_for_level: {
    en: (p) => `Is not used by a ${p.level}-level commission`,
    ru: (p) => `Не используется комиссией уровня «${p.level}»`,
    kk: (p) => `«${p.level}» деңгейіндегі комиссияда қолданылмайды`,
  },
};

const fallback: Record<Language, Template> = {
  en: () => "Is invalid",
  ru: () => "Недопустимое значение",
  kk: () => "Жарамсыз мән",
};

function list(values: unknown): string {
  return Array.isArray(values) ? values.map(String).join(", ") : String(values);
}

export function fieldMessage(code: string, language: Language, params: Record<string, unknown> = {}): string {
  return (templates[code] ?? fallback)[language](params);
}
