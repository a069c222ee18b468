import { registerEnumType } from "type-graphql";

/** The GraphQL face of platform/auth PARTNER_ROLES. */
export enum PartnerRoleEnum {
  PARTNER_ADMIN = "PARTNER_ADMIN",
  PARTNER_STAFF = "PARTNER_STAFF",
}
registerEnumType(PartnerRoleEnum, {
  name: "PartnerRole",
  description: "What a partner organisation's own user may do in its organisation.",
  valuesConfig: {
    PARTNER_ADMIN: {
      description: "Works the organisation's rows and manages its users, API keys and webhook endpoints.",
    },
    PARTNER_STAFF: { description: "Works the organisation's rows (orders, reports, cases, claims, visits)." },
  },
});
