import type { Criterion, LocalizedText, Rubric } from "./rubric.ts";

// Versioned data, not logic: the portfolio evaluation sheet of teacher attestation («комплексное
// аналитическое обобщение результатов деятельности», Annex 12), as DOMAIN.md §3 describes it. Never edit a
// published version in place: attestation cases pin the id they were opened under.
//
// How the table was read (each point must be checked against the official annex, hence `verified: false`):
// - A column value is the LEVEL of a category: the minimum points on that criterion that meet it; "–" means
//   the criterion has no minimum for that category. Each threshold is the sum of its column's levels
//   (68 = 1+61+1+1+1+1+1+1, …), which the unit test checks.
// - "4 (5)" on 2.1, 2.2, 3.2 and 3.4: the level is 4 and the criterion can score up to 5. The master
//   threshold "133 (137)" is exactly 133 plus those four extra points, so 137 is read as the master threshold
//   counted with the parenthesised values. It is kept as `alternativeThresholds` (informative); decisions
//   use 133, the sum of the levels.
// - 1.2 "61 (70) … 91 (102)": the parenthesised numbers there are the tops of the bands of the observation
//   score (61-70 moderator, … 91-102 master), not extra points: counting them would give 144, not 137. A
//   score in a higher band meets every lower level and counts as scored.
// - Where the annex names what earns a value (1.1's dynamics, 3.3, 3.5, 5.1) the criterion offers those
//   options. Where the value follows from a level we do not see spelled out (the school/district/region/
//   republic rows, whose "(5)" is unexplained in our sources, and 4.1's 72 / 80 / 108+ hours against
//   1 / 1 / 3 / 4), the member enters the number and the title carries the scale, instead of inventing options.
// - Extras, which have no level and only add to the total: "+1 for a winner or prize-winner, once per level"
//   is one number 0..4 (four levels: school, district, region, republic); 5.1 class teacher by years.

const none: LocalizedText = { kk: "Жоқ", ru: "Нет", en: "None" };

const order83: Rubric["source"] = {
  title:
    "Rules and conditions of teacher attestation, Order No. 83 of 27.01.2016 (reg. No. 13317), " +
    "full edition of Order No. 32 of 25.02.2025, Annex 12 (portfolio evaluation sheet)",
  reference: "V1600013317",
  url: "https://adilet.zan.kz/rus/docs/V1600013317",
  note: "values as summarised in DOMAIN.md §3; they must be checked against the official annex before production use",
};

const byLevel = (moderator: number, expert: number, researcher: number, master: number): Record<string, number> => ({
  moderator,
  expert,
  researcher,
  master,
});

const knowledgeQuality: Criterion = {
  id: "knowledgeQuality",
  title: {
    kk: "1.1 Білім алушылардың білім сапасы: 3 жылдағы динамика",
    ru: "1.1 Качество знаний обучающихся: динамика за 3 года",
    en: "1.1 Students' knowledge quality: 3-year dynamics",
  },
  options: [
    { id: "none", label: { kk: "Мәлімет жоқ", ru: "Нет данных", en: "No data" }, points: 0 },
    { id: "unstable", label: { kk: "Тұрақсыз", ru: "Нестабильная", en: "Unstable" }, points: 1 },
    { id: "same_level", label: { kk: "Бір деңгейде", ru: "На одном уровне", en: "Same level" }, points: 2 },
    { id: "growth_1_2", label: { kk: "1–2 %-ға өсу", ru: "Рост на 1–2 %", en: "Growth of 1–2 %" }, points: 3 },
    {
      id: "growth_3_plus",
      label: { kk: "3 % және одан көп өсу", ru: "Рост на 3 % и более", en: "Growth of 3 % or more" },
      points: 4,
    },
  ],
  levels: byLevel(1, 2, 3, 4),
};

const teachingQuality: Criterion = {
  id: "teachingQuality",
  title: {
    kk: "1.2 Оқыту сапасы: сабақты бақылаудың 5 парағының орташа мәні (ең көбі 102)",
    ru: "1.2 Качество преподавания: среднее 5 листов наблюдения уроков (не более 102)",
    en: "1.2 Teaching quality: mean of 5 lesson-observation sheets (at most 102)",
  },
  // A mean of five sheets, so no step: any whole number of hundredths is a possible mean.
  min: 0,
  max: 102,
  levels: byLevel(61, 71, 81, 91),
};

const levelScale = {
  kk: "мектеп 1, аудан 2, облыс 3, республика 4",
  ru: "школьный 1, районный 2, областной 3, республиканский 4",
  en: "school 1, district 2, region 3, republic 4",
};

/** A criterion scored by the level reached (school … republic); `withFive` for the rows shown "4 (5)". */
function levelCriterion(id: string, number: string, title: LocalizedText, withFive: boolean): Criterion {
  const suffix = withFive ? " (5)" : "";
  return {
    id,
    title: {
      kk: `${number} ${title.kk}: ${levelScale.kk}${suffix}`,
      ru: `${number} ${title.ru}: ${levelScale.ru}${suffix}`,
      en: `${number} ${title.en}: ${levelScale.en}${suffix}`,
    },
    min: 0,
    max: withFive ? 5 : 4,
    step: 1,
    levels: byLevel(1, 2, 3, 4),
    ...(withFive ? { parenthesisedLevels: { master: 5 } } : {}),
  };
}

const studentContests = levelCriterion(
  "studentContests",
  "2.1",
  {
    kk: "Білім алушылардың олимпиадалар мен конкурстарға қатысуы",
    ru: "Участие обучающихся в олимпиадах и конкурсах",
    en: "Students in olympiads and contests",
  },
  true,
);

const teacherContests = levelCriterion(
  "teacherContests",
  "2.2",
  {
    kk: "Педагогтің кәсіби конкурстарға қатысуы",
    ru: "Участие педагога в профессиональных конкурсах",
    en: "Teacher in professional contests",
  },
  true,
);

const methodicalMaterials = levelCriterion(
  "methodicalMaterials",
  "3.1",
  {
    kk: "Әдістемелік кеңес ұсынған әдістемелік материалдар",
    ru: "Методические материалы, рекомендованные методическим советом",
    en: "Methodical materials recommended by a methodical council",
  },
  false,
);

const talks = levelCriterion(
  "talks",
  "3.2",
  {
    kk: "Семинарлар мен конференциялардағы баяндамалар",
    ru: "Выступления на семинарах и конференциях",
    en: "Talks at seminars and conferences",
  },
  true,
);

const researchPublication: Criterion = {
  id: "researchPublication",
  title: {
    kk: "3.3 Зерттеу нәтижелерін жариялау",
    ru: "3.3 Публикация результатов исследования",
    en: "3.3 Research publication",
  },
  options: [
    { id: "none", label: none, points: 0 },
    { id: "published", label: { kk: "Жарияланған", ru: "Опубликовано", en: "Published" }, points: 5 },
    {
      id: "listed_or_indexed",
      label: {
        kk: "Уәкілетті орган тізбесіндегі, Scopus немесе Web of Science басылымында",
        ru: "В издании из перечня уполномоченного органа, Scopus или Web of Science",
        en: "In a listed, Scopus or Web of Science outlet",
      },
      points: 7,
    },
  ],
  // "–" for moderator and expert: no minimum there.
  levels: { researcher: 5, master: 5 },
};

const workingGroups = levelCriterion(
  "workingGroups",
  "3.4",
  {
    kk: "Жұмыс топтарындағы, қазылар алқасындағы, конкурстық комиссиялардағы жұмыс",
    ru: "Работа в рабочих группах, жюри, конкурсных комиссиях",
    en: "Working groups, juries, contest commissions",
  },
  true,
);

const sharingPractice: Criterion = {
  id: "sharingPractice",
  title: { kk: "3.5 Тәжірибені тарату", ru: "3.5 Распространение опыта", en: "3.5 Sharing practice" },
  options: [
    { id: "none", label: none, points: 0 },
    {
      id: "region",
      label: {
        kk: "Облыс деңгейінде, кемінде 3 ауданда",
        ru: "На уровне области, не менее 3 районов",
        en: "Region level, at least 3 districts",
      },
      points: 6,
    },
    {
      id: "republic",
      label: {
        kk: "Республика деңгейінде, кемінде 3 облыста",
        ru: "На уровне республики, не менее 3 областей",
        en: "Republic level, at least 3 regions",
      },
      points: 9,
    },
  ],
  levels: { researcher: 6, master: 9 },
};

const courses: Criterion = {
  id: "courses",
  title: {
    kk: "4.1 Біліктілікті арттыру курстары (72 / 80 / 108 және одан көп сағат): модератор 1, сарапшы 1, зерттеуші 3, шебер 4",
    ru: "4.1 Курсы повышения квалификации (72 / 80 / 108 и более часов): модератор 1, эксперт 1, исследователь 3, мастер 4",
    en: "4.1 Professional-development courses (72 / 80 / 108+ hours): moderator 1, expert 1, researcher 3, master 4",
  },
  min: 0,
  max: 4,
  step: 1,
  levels: byLevel(1, 1, 3, 4),
};

const prizeBonus: Criterion = {
  id: "prizeBonus",
  title: {
    kk: "Жеңімпаз немесе жүлдегер: әр деңгей үшін бір рет +1 (мектеп, аудан, облыс, республика), ең көбі 4",
    ru: "Победитель или призёр: +1 один раз за каждый уровень (школа, район, область, республика), не более 4",
    en: "Winner or prize-winner: +1 once per level (school, district, region, republic), at most 4",
  },
  min: 0,
  max: 4,
  step: 1,
};

const classTeacher: Criterion = {
  id: "classTeacher",
  title: { kk: "5.1 Сынып жетекшілігі", ru: "5.1 Классное руководство", en: "5.1 Class teacher" },
  options: [
    { id: "none", label: none, points: 0 },
    { id: "years_1_2", label: { kk: "1–2 жыл", ru: "1–2 года", en: "1–2 years" }, points: 1 },
    { id: "years_3_4", label: { kk: "3–4 жыл", ru: "3–4 года", en: "3–4 years" }, points: 2 },
    { id: "years_5_plus", label: { kk: "5 жыл және одан көп", ru: "5 лет и более", en: "5 years and more" }, points: 3 },
  ],
};

export const attestationTeacherV1: Rubric = {
  id: "attestation-teacher-v1",
  version: "1",
  kind: "attestation",
  title: {
    kk: "Педагогтерді аттестаттау: кешенді талдамалық жинақтаудың бағалау парағы (педагогтер)",
    ru: "Аттестация педагогов: оценочный лист комплексного аналитического обобщения (педагоги)",
    en: "Teacher attestation: portfolio evaluation sheet (teachers)",
  },
  verified: false,
  source: order83,
  roles: ["teacher"],
  criteria: [
    knowledgeQuality,
    teachingQuality,
    studentContests,
    teacherContests,
    methodicalMaterials,
    talks,
    researchPublication,
    workingGroups,
    sharingPractice,
    courses,
    prizeBonus,
    classTeacher,
  ],
  thresholds: { moderator: 68, expert: 84, researcher: 113, master: 133 },
  alternativeThresholds: { master: 137 },
};

// Psychologists, social pedagogues, camp leaders and teaching assistants: DOMAIN.md gives only their
// thresholds, 66 / 80 / 107 / 125 (129). They are the teachers' ones minus 2 / 4 / 6 / 8 (and 129 = 137 − 8),
// which is exactly the levels of 1.1 knowledge quality and 3.1 methodical materials (1+1, 2+2, 3+3, 4+4);
// these are the only two rows whose levels add up to that without a parenthesised value (which would move
// 129). 1.1 measures a subject teacher's class results, which these roles do not have. So this sheet is the
// teachers' one without 1.1 and 3.1: an inference from the arithmetic, flagged as such in the source note.
export const attestationSupportV1: Rubric = {
  id: "attestation-support-v1",
  version: "1",
  kind: "attestation",
  title: {
    kk: "Педагогтерді аттестаттау: кешенді талдамалық жинақтаудың бағалау парағы (педагог-психолог, әлеуметтік педагог, тәлімгер, педагог ассистенті)",
    ru: "Аттестация педагогов: оценочный лист комплексного аналитического обобщения (педагог-психолог, социальный педагог, вожатый, ассистент педагога)",
    en: "Teacher attestation: portfolio evaluation sheet (school psychologists, social pedagogues, camp leaders, teaching assistants)",
  },
  verified: false,
  source: {
    ...order83,
    note:
      "thresholds as summarised in DOMAIN.md §3; the criteria are the teachers' sheet without 1.1 and 3.1, " +
      "inferred from the thresholds; all of it must be checked against the official annex before production use",
  },
  roles: ["psychologist", "social_pedagogue", "camp_leader", "teaching_assistant"],
  criteria: [
    teachingQuality,
    studentContests,
    teacherContests,
    talks,
    researchPublication,
    workingGroups,
    sharingPractice,
    courses,
    prizeBonus,
    classTeacher,
  ],
  thresholds: { moderator: 66, expert: 80, researcher: 107, master: 125 },
  alternativeThresholds: { master: 129 },
};
