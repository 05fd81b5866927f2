import type { LocalizedText, Rubric } from "./rubric.ts";

// Versioned data, not logic: the default candidate evaluation sheet («оценочный лист кандидата») for a
// competition for a vacant teaching post, as described in DOMAIN.md §2. The values are defaults that still
// have to be checked against the official annex, hence `verified: false`. Never edit a published version in
// place: copy it to a new id/version, because open competitions pin the id they were created with.

const none: LocalizedText = { kk: "Жоқ", ru: "Нет", en: "None" };

const order57: Rubric["source"] = {
  title:
    "Order of the Minister of Education and Science of the Republic of Kazakhstan No. 57 of 21.02.2012 " +
    "(reg. No. 7495), as amended in November 2021",
  reference: "V1200007495",
  url: "https://adilet.zan.kz/rus/docs/V1200007495",
  note: "defaults, to be verified against the official annex",
};

export const competitionTeacherV1: Rubric = {
  id: "competition-teacher-v1",
  version: "1",
  kind: "competition",
  title: {
    kk: "Педагогтің бос лауазымына орналасуға конкурс: кандидаттың бағалау парағы",
    ru: "Конкурс на занятие вакантной должности педагога: оценочный лист кандидата",
    en: "Competition for a vacant teaching post: candidate evaluation sheet",
  },
  verified: false,
  source: order57,
  criteria: [
    {
      id: "education",
      title: { kk: "Білім деңгейі", ru: "Уровень образования", en: "Education level" },
      // No "none" option: a diploma is a required document, so every eligible candidate has some education.
      options: [
        {
          id: "vocational",
          label: { kk: "Техникалық және кәсіптік", ru: "Техническое и профессиональное", en: "Technical and vocational" },
          points: 1,
        },
        {
          id: "higher_full_time",
          label: { kk: "Жоғары, күндізгі оқу", ru: "Высшее, очное обучение", en: "Higher, full-time" },
          points: 2,
        },
        {
          id: "higher_honours",
          label: { kk: "Үздік жоғары білім", ru: "Высшее с отличием", en: "Higher with honours" },
          points: 3,
        },
        {
          id: "master_or_specialist",
          label: { kk: "Магистр / маман", ru: "Магистр / специалист", en: "Master's / specialist" },
          points: 5,
        },
        {
          id: "higher_distance",
          label: {
            kk: "Жоғары, сырттай немесе қашықтықтан оқу",
            ru: "Высшее, заочное или дистанционное обучение",
            en: "Higher, by correspondence or distance",
          },
          points: -2,
        },
      ],
    },
    {
      id: "degree",
      title: { kk: "Ғылыми дәреже", ru: "Учёная степень", en: "Academic degree" },
      options: [
        { id: "none", label: none, points: 0 },
        {
          id: "doctorate",
          label: {
            kk: "PhD / ғылым кандидаты / ғылым докторы",
            ru: "PhD / кандидат наук / доктор наук",
            en: "PhD / candidate / doctor of sciences",
          },
          points: 10,
        },
      ],
    },
    {
      id: "test",
      title: {
        kk: "Біліктілік тестінің нәтижесі (ҰБТ / ПББ)",
        ru: "Результат квалификационного тестирования (НКТ / ОЗП)",
        en: "Qualification test score (national qualification test / teacher knowledge test)",
      },
      options: [
        { id: "none", label: { kk: "Тапсырмаған", ru: "Не сдавал(а)", en: "Not taken" }, points: 0 },
        { id: "below_50", label: { kk: "50 %-дан төмен", ru: "Ниже 50 %", en: "Below 50 %" }, points: 0 },
        { id: "pct_50_59", label: { kk: "50–59 %", ru: "50–59 %", en: "50–59 %" }, points: 2 },
        { id: "pct_60_69", label: { kk: "60–69 %", ru: "60–69 %", en: "60–69 %" }, points: 3 },
        { id: "pct_70_79", label: { kk: "70–79 %", ru: "70–79 %", en: "70–79 %" }, points: 5 },
        {
          id: "pct_80_plus",
          label: { kk: "80 % және одан жоғары", ru: "80 % и выше", en: "80 % and more" },
          points: 7,
        },
      ],
    },
    {
      id: "category",
      title: { kk: "Біліктілік санаты", ru: "Квалификационная категория", en: "Qualification category" },
      options: [
        { id: "none", label: { kk: "Санатсыз", ru: "Без категории", en: "No category" }, points: 0 },
        { id: "second", label: { kk: "Екінші санат", ru: "Вторая категория", en: "Second category" }, points: 1 },
        { id: "first", label: { kk: "Бірінші санат", ru: "Первая категория", en: "First category" }, points: 2 },
        { id: "highest", label: { kk: "Жоғары санат", ru: "Высшая категория", en: "Highest category" }, points: 3 },
        { id: "moderator", label: { kk: "Педагог-модератор", ru: "Педагог-модератор", en: "Moderator" }, points: 3 },
        { id: "expert", label: { kk: "Педагог-сарапшы", ru: "Педагог-эксперт", en: "Expert" }, points: 5 },
        { id: "researcher", label: { kk: "Педагог-зерттеуші", ru: "Педагог-исследователь", en: "Researcher" }, points: 7 },
        { id: "master", label: { kk: "Педагог-шебер", ru: "Педагог-мастер", en: "Master" }, points: 10 },
      ],
    },
    {
      id: "experience",
      title: { kk: "Педагогикалық жұмыс өтілі", ru: "Педагогический стаж", en: "Teaching experience" },
      options: [
        { id: "under_1", label: { kk: "1 жылдан аз", ru: "Менее 1 года", en: "Less than 1 year" }, points: 0 },
        { id: "years_1_3", label: { kk: "1–3 жыл", ru: "1–3 года", en: "1–3 years" }, points: 1 },
        { id: "years_3_5", label: { kk: "3–5 жыл", ru: "3–5 лет", en: "3–5 years" }, points: 1.5 },
        { id: "years_5_10", label: { kk: "5–10 жыл", ru: "5–10 лет", en: "5–10 years" }, points: 2 },
        {
          id: "years_10_plus",
          label: { kk: "10 жыл және одан көп", ru: "10 лет и более", en: "10 years and more" },
          points: 3,
        },
      ],
    },
    {
      id: "administrative",
      title: {
        kk: "Әкімшілік / әдістемелік жұмыс тәжірибесі",
        ru: "Административный / методический опыт работы",
        en: "Administrative / methodical experience",
      },
      options: [
        { id: "none", label: none, points: 0 },
        { id: "methodist", label: { kk: "Әдіскер", ru: "Методист", en: "Methodist" }, points: 1 },
        {
          id: "deputy_head",
          label: { kk: "Басшының орынбасары", ru: "Заместитель руководителя", en: "Deputy head" },
          points: 3,
        },
        { id: "head", label: { kk: "Басшы", ru: "Руководитель", en: "Head" }, points: 5 },
      ],
    },
    {
      id: "recommendation",
      title: {
        kk: "Алдыңғы жұмыс орнынан ұсыным хат",
        ru: "Рекомендательное письмо с предыдущего места работы",
        en: "Recommendation letter from the previous employer",
      },
      options: [
        { id: "none", label: none, points: 0 },
        { id: "positive", label: { kk: "Оң", ru: "Положительное", en: "Positive" }, points: 3 },
        { id: "negative", label: { kk: "Теріс", ru: "Отрицательное", en: "Negative" }, points: -3 },
      ],
    },
    {
      id: "studentAchievements",
      title: {
        kk: "Білім алушылардың жетістіктері (олимпиадалар мен конкурстардың жеңімпаздары)",
        ru: "Достижения обучающихся (победители олимпиад и конкурсов)",
        en: "Students' achievements (olympiad and contest winners)",
      },
      min: 0,
      max: 3,
      step: 0.5,
    },
    {
      id: "ownAchievements",
      // The sheet gives 1-5 for a contest winner; 0 stands for "no such achievement".
      title: {
        kk: "Педагогтің өз жетістіктері (кәсіби конкурстардың жеңімпазы)",
        ru: "Собственные достижения педагога (победитель профессиональных конкурсов)",
        en: "Own achievements (professional contest winner)",
      },
      min: 0,
      max: 5,
      step: 0.5,
    },
    {
      id: "methodical",
      // The sheet gives 1-5; 0 stands for "none". Half points as for the achievements criteria.
      title: {
        kk: "Әдістемелік қызмет (авторлық материалдар, жарияланымдар)",
        ru: "Методическая деятельность (авторские материалы, публикации)",
        en: "Methodical activity (authored materials, publications)",
      },
      min: 0,
      max: 5,
      step: 0.5,
    },
    {
      id: "courses",
      // 0.5 points per course or certificate, capped at 3: the number of certificates times 0.5.
      title: {
        kk: "Курстар мен сертификаттар (пәндік, цифрлық, тілдік: IELTS, TOEFL, DELF, Goethe …)",
        ru: "Курсы и сертификаты (предметные, цифровые, языковые: IELTS, TOEFL, DELF, Goethe …)",
        en: "Courses and certificates (subject, digital, language: IELTS, TOEFL, DELF, Goethe …)",
      },
      min: 0,
      max: 3,
      step: 0.5,
    },
  ],
  tieBreaks: [{ criterionId: "category" }, { criterionId: "experience" }, { by: "submittedAt" }],
};

// Technical-staff vacancies are announcements only (DOMAIN.md §2): the HR officer decides directly and no
// commission scores anyone, so the rubric has no criteria. It still exists so that every vacancy pins a rubric.
export const competitionTechnicalV1: Rubric = {
  id: "competition-technical-v1",
  version: "1",
  kind: "competition",
  title: {
    kk: "Техникалық қызметкерлердің бос орны (комиссия бағаламайды)",
    ru: "Вакансия технического персонала (без оценки комиссией)",
    en: "Technical-staff vacancy (no commission scoring)",
  },
  verified: false,
  source: { ...order57, note: "technical staff: announcement only, the HR officer decides without a commission" },
  criteria: [],
  tieBreaks: [{ by: "submittedAt" }],
};
