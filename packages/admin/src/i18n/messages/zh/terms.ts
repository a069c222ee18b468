import type { TermMessages } from "../types";

export const terms: TermMessages = {
  specialties: {
    traumatology: "创伤骨科",
    psychiatry: "精神科",
    audiology: "听力科",
    dentistry: "口腔科",
    general: "全科",
    radiology: "放射科",
    laboratory: "检验科",
    interconsultation: "会诊",
  },
  form: {
    title: "%{specialty}报告（表单第%{version}版）",
    fields: {
      diagnosis: "诊断",
      affectedSegment: "受累部位",
      functionalLoss: "功能丧失（%）",
      rangeOfMotionDegrees: "活动范围（度）",
      requiresSurgery: "需要手术",
      examinedAt: "检查日期",
      notes: "备注",
      icd10: "ICD-10 编码",
      gafScore: "功能总评分",
      workCapacity: "劳动能力",
      sessions: "疗程次数",
      leftEarDb: "左耳（分贝）",
      rightEarDb: "右耳（分贝）",
      hearingLossType: "听力损失类型",
      tinnitus: "耳鸣",
    },
    values: {
      affectedSegment: {
        SPINE: "脊柱",
        UPPER_LIMB: "上肢",
        LOWER_LIMB: "下肢",
        PELVIS: "骨盆",
        HEAD: "头部",
        THORAX: "胸部",
      },
      workCapacity: { FULL: "完全", PARTIAL: "部分", NONE: "无" },
      hearingLossType: { NONE: "无", CONDUCTIVE: "传导性", SENSORINEURAL: "感音神经性", MIXED: "混合性" },
    },
  },
  caps: { DEDUCTIBLE: "免赔额", PER_CLAIM_LIMIT: "单次赔付限额", ANNUAL_LIMIT: "年度限额" },
  actor_kinds: { STAFF: "员工", PARTNER: "合作机构", SYSTEM: "系统" },
};
