import type { AppMessages } from "../types";

/** The console screen of the configurable document types (ADMIN). */
export const document_type_admin: AppMessages["clinigraph"]["document_type_admin"] = {
  create: "Нов вид документ",
  edit: "Редактиране",
  code: "Код",
  code_hint: "Главни букви, цифри и долна черта; после не може да се променя.",
  name: "Наименование",
  description: "Описание",
  required_for: "Задължителен преди подаване на претенции от вид",
  active: "Активен",
  position: "Ред",
  saved: "Видът документ е запазен",
};
