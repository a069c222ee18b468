import type { RaMessages } from "../types";

/** Messages of react-admin 5 that the Chinese pack lacks, leaves in English or words differently. */
export const ra: RaMessages = {
  ra: {
    action: {
      reset: "重置",
      search_columns: "搜索列",
      select_all_button: "全选",
    },
    page: {
      // the pack's "#%{id}" would title a page with a UUID; react-admin 5 passes the record's representation
      edit: "%{name} %{recordRepresentation}",
      show: "%{name} %{recordRepresentation}",
      access_denied: "拒绝访问",
      authentication_error: "认证错误",
    },
    message: {
      delete_title: "删除 %{name} %{recordRepresentation}",
      bulk_update_content: "确定要更新 %{name} %{recordRepresentation} 吗？ |||| 确定要更新这 %{smart_count} 项吗？",
      bulk_update_title: "更新 %{name} %{recordRepresentation} |||| 更新 %{smart_count} 个%{name}",
      access_denied: "您没有访问此页面的权限",
      authentication_error: "认证服务器返回错误，无法验证您的凭据。",
      select_all_limit_reached: "元素过多，无法全部选中，仅选中了前 %{max} 个。",
      placeholder_data_warning: "网络问题：数据刷新失败。",
    },
    navigation: {
      clear_filters: "清除筛选条件",
      no_filtered_results: "按当前筛选条件未找到%{name}。",
      partial_page_range_info: "%{offsetBegin}-%{offsetEnd}，共超过 %{offsetEnd} 条",
    },
    sort: { sort_by: "按%{field_lower_first}%{order}排序" },
    auth: { email: "电子邮箱" },
    notification: {
      offline: "网络未连接，无法获取数据。",
      data_provider_error: "数据提供程序出错，详情请查看浏览器控制台。",
    },
    validation: { unique: "必须唯一", regex: "必须符合指定格式（正则表达式）：%{pattern}" },
    guesser: {
      empty: {
        title: "没有可显示的数据",
        message: "请检查数据提供程序",
      },
    },
    configurable: { inspector: { title: "检查器", content: "将鼠标悬停在界面元素上以进行配置" } },
  },
};
