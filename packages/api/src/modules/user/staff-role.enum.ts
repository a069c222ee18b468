import { registerEnumType } from "type-graphql";

export enum StaffRoleEnum {
  ADMIN = "ADMIN",
  OPERATOR = "OPERATOR",
  REVIEWER = "REVIEWER",
  VISITOR = "VISITOR",
  BILLING = "BILLING",
}
registerEnumType(StaffRoleEnum, {
  name: "StaffRole",
  description: "What a staff member may do.",
  valuesConfig: {
    ADMIN: { description: "Everything, including users and API keys." },
    OPERATOR: { description: "Issues and manages orders, assigns visits." },
    REVIEWER: { description: "Reviews visits and claims." },
    VISITOR: { description: "Performs hospital field visits (探访)." },
    BILLING: { description: "Billing, payments and settlement." },
  },
});
