import type { AppMessages } from "../types";

export const reference_pages: AppMessages["clinigraph"]["reference_pages"] = {
  document: {
    file: "Файл",
    filed_under: "Заведен към",
    scan_key: "Ключ за сканиране",
    attached_by_staff: "Прикачен от служител на оператора, %{when}",
    attached_by_partner: "Прикачен от %{organization}, %{when}",
    details: "%{format} · %{size}",
    checksum: "Контролна сума",
    history: "Версии",
    current: "Актуален",
    this_one: "Този документ",
    replaced: "Заменен %{when}",
    removed: "Премахнат %{when}: %{reason}",
    open: "Отвори",
    claim: "Претенция",
    visit: "Посещение",
  },
  user: {
    head_office: "Централно управление (всички клонове)",
    covered_hospitals: "Обслужвани болници",
    never_signed_in: "Никога не е влизал",
    activity: "Действия в одитния журнал",
    deactivate: "Деактивирай",
    deactivate_title: "Деактивиране на %{name}?",
    deactivate_content: "Повече няма да може да влиза, а отворените му сесии приключват веднага.",
    deactivated: "Потребителят е деактивиран",
  },
  calendar: {
    holidays: "Официални празници",
    previous_year: "Предишна година",
    next_year: "Следваща година",
    none: "Няма официални празници за %{year}.",
    days: "%{smart_count} ден |||| %{smart_count} дни",
    closures: "Неработни дни през %{year}",
    open_days: "Допълнителни работни дни през %{year}",
    weekdays: "неделя,понеделник,вторник,сряда,четвъртък,петък,събота",
  },
  service_code: {
    not_used: "Все още не е заявен в поръчка или фактуриран в претенция.",
  },
};
