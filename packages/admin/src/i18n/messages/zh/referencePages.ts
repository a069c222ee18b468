import type { AppMessages } from "../types";

export const reference_pages: AppMessages["clinigraph"]["reference_pages"] = {
  document: {
    file: "文件",
    filed_under: "归档于",
    scan_key: "扫描号",
    attached_by_staff: "由运营人员上传，%{when}",
    attached_by_partner: "由%{organization}上传，%{when}",
    details: "%{format} · %{size}",
    checksum: "校验值",
    history: "版本",
    current: "当前",
    this_one: "本文件",
    replaced: "已于%{when}替换",
    removed: "已于%{when}移除：%{reason}",
    open: "打开",
    claim: "理赔",
    visit: "探访",
  },
  user: {
    head_office: "总公司（全部分公司）",
    covered_hospitals: "负责的医院",
    never_signed_in: "从未登录",
    activity: "审计日志中的操作",
    deactivate: "停用",
    deactivate_title: "停用%{name}？",
    deactivate_content: "停用后无法登录，当前会话立即结束。",
    deactivated: "用户已停用",
  },
  calendar: {
    holidays: "法定节假日",
    previous_year: "上一年",
    next_year: "下一年",
    none: "%{year}年没有列出法定节假日。",
    days: "%{smart_count}天",
    closures: "%{year}年停业日",
    open_days: "%{year}年调休上班日",
    weekdays: "星期日,星期一,星期二,星期三,星期四,星期五,星期六",
  },
  service_code: {
    not_used: "尚无医嘱申请或理赔计费使用此代码。",
  },
};
