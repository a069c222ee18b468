import type { RaMessages } from "../types";

/** Messages of react-admin 5 that the Bulgarian pack (written for an early react-admin) lacks or words differently. */
export const ra: RaMessages = {
  ra: {
    action: {
      clear_array_input: "Изчисти списъка",
      create_item: "Създай %{item}",
      remove_all_filters: "Премахни всички филтри",
      reset: "Нулирай",
      search_columns: "Търсене в колоните",
      select_all: "Избери всички",
      select_all_button: "Избери всички",
      select_row: "Избери този ред",
      unselect: "Откажи избора",
      expand: "Разгъни",
      close: "Затвори",
      open_menu: "Отвори менюто",
      close_menu: "Затвори менюто",
      update: "Обнови",
      move_up: "Премести нагоре",
      move_down: "Премести надолу",
      open: "Отвори",
      toggle_theme: "Светла/тъмна тема",
      select_columns: "Колони",
      update_application: "Презареди приложението",
    },
    boolean: { null: " " },
    page: {
      // the pack's "#%{id}" would title a page with a UUID; react-admin 5 passes the record's representation
      edit: "%{name} %{recordRepresentation}",
      show: "%{name} %{recordRepresentation}",
      empty: "Все още няма %{name}.",
      invite: "Искате ли да добавите?",
      access_denied: "Достъпът е отказан",
      authentication_error: "Грешка при удостоверяване",
    },
    input: { password: { toggle_visible: "Скрий паролата", toggle_hidden: "Покажи паролата" } },
    message: {
      delete_title: "Изтриване на %{name} %{recordRepresentation}",
      access_denied: "Нямате права за достъп до тази страница",
      authentication_error:
        "Сървърът за удостоверяване върна грешка и данните ви за вход не можаха да бъдат проверени.",
      auth_error: "Възникна грешка при проверката на удостоверителния токен.",
      bulk_update_content:
        "Сигурни ли сте, че искате да обновите %{name} %{recordRepresentation}? |||| Сигурни ли сте, че искате да обновите тези %{smart_count} елемента?",
      bulk_update_title: "Обновяване на %{name} %{recordRepresentation} |||| Обновяване на %{smart_count} %{name}",
      clear_array_input: "Сигурни ли сте, че искате да изчистите целия списък?",
      select_all_limit_reached:
        "Елементите са твърде много, за да бъдат избрани всички. Избрани са само първите %{max}.",
      unsaved_changes: "Някои от промените не са запазени. Сигурни ли сте, че искате да ги пренебрегнете?",
      placeholder_data_warning: "Проблем с мрежата: данните не бяха обновени.",
    },
    navigation: {
      clear_filters: "Изчисти филтрите",
      no_filtered_results: "Няма намерени %{name} с текущите филтри.",
      partial_page_range_info: "%{offsetBegin}-%{offsetEnd} от повече от %{offsetEnd}",
      current_page: "Страница %{page}",
      page: "Към страница %{page}",
      first: "Към първата страница",
      last: "Към последната страница",
      previous: "Към предишната страница",
      skip_nav: "Към съдържанието",
    },
    sort: {
      sort_by: "Сортиране по %{field_lower_first} %{order}",
      ASC: "възходящо",
      DESC: "низходящо",
    },
    auth: {
      auth_check_error: "Моля, влезте, за да продължите",
      email: "Имейл",
    },
    notification: {
      i18n_error: "Преводите за избрания език не могат да бъдат заредени",
      not_authorized: "Нямате права за достъп до този ресурс.",
      application_update_available: "Налична е нова версия.",
      offline: "Няма връзка. Данните не могат да бъдат заредени.",
      data_provider_error: "Грешка в доставчика на данни. Подробностите са в конзолата на браузъра.",
    },
    validation: {
      unique: "Трябва да е уникално",
      email: "Трябва да е валиден имейл адрес",
      regex: "Трябва да отговаря на формата (регулярен израз): %{pattern}",
    },
    saved_queries: {
      label: "Запазени заявки",
      query_name: "Име на заявката",
      new_label: "Запази текущата заявка...",
      new_dialog_title: "Запази текущата заявка като",
      remove_label: "Премахни запазената заявка",
      remove_label_with_name: "Премахни заявката „%{name}“",
      remove_dialog_title: "Да се премахне ли запазената заявка?",
      remove_message: "Сигурни ли сте, че искате да премахнете този елемент от запазените заявки?",
      help: "Филтрирайте списъка и запазете заявката за по-късно",
    },
    guesser: {
      empty: {
        title: "Няма данни за показване",
        message: "Проверете доставчика на данни",
      },
    },
    configurable: {
      customize: "Персонализиране",
      configureMode: "Настройка на страницата",
      inspector: {
        title: "Инспектор",
        content: "Посочете елементите на интерфейса, за да ги настроите",
        reset: "Нулирай настройките",
        hideAll: "Скрий всички",
        showAll: "Покажи всички",
      },
      Datagrid: { title: "Таблица", unlabeled: "Колона без име #%{column}" },
      SimpleForm: { title: "Формуляр", unlabeled: "Поле без име #%{input}" },
      SimpleList: {
        title: "Списък",
        primaryText: "Основен текст",
        secondaryText: "Вторичен текст",
        tertiaryText: "Третичен текст",
      },
    },
  },
};
