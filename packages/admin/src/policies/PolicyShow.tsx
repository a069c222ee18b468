import { RelatedShow } from "../views/RelatedShow";
import { PolicyLiabilities } from "./PolicyLiabilities";

/** A policy: its terms, what each liability covers, its members and the claims made under it. */
export default function PolicyShow() {
  return (
    <RelatedShow
      resource="policies"
      related={[
        ["patients", "policyId"],
        ["claims", "policyId"],
      ]}
    >
      <PolicyLiabilities />
    </RelatedShow>
  );
}
