import type { AppMessages } from "../types";

/** The console screen of the configurable document types (ADMIN). */
export const document_type_admin: AppMessages["clinigraph"]["document_type_admin"] = {
  create: "新建单证类型",
  edit: "编辑",
  code: "代码",
  code_hint: "大写字母、数字和下划线；创建后不可更改。",
  name: "名称",
  description: "说明",
  required_for: "以下类型的理赔提交前必须提供",
  active: "启用",
  position: "排序",
  saved: "单证类型已保存",
};
