import { Alert, Box, Button, Card, CardContent, CardHeader, Stack } from "@mui/material";
import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { DateInput, Form, SelectInput, TextInput, useNotify, useRecordContext, useTranslate } from "react-admin";
import { request } from "../data/api";
import type { UserError } from "../data/graphqlClient";
import { enumKey } from "../fields/format";
import { bankAccountProblem, invalidDiagnosisCodes, parseDiagnosisCodes } from "./bankAccountCheck";
import { ConcludeDialog } from "./ConcludeDialog";
import { CONCLUDE, SAVE_FINDINGS, entryInput, type FindingsValues, type LinkValue } from "./findingsQueries";
import { LiabilityLinksInput } from "./LiabilityLinksInput";
import { DateSaid } from "../fields/DateSaid";

const SCHEMES = ["IBAN", "CN_CARD", "CL_ACCOUNT"];

interface FormValues extends FindingsValues {
  diagnosisText?: string;
}

/** Where the API's error paths land in this form. */
function formPath(field: string[] | null | undefined): keyof FormValues | null {
  const path = (field ?? []).join(".");
  if (path.startsWith("findings.diagnosisCodes")) return "diagnosisText";
  if (path.startsWith("bankAccount")) return "bankNumber";
  if (path.startsWith("liabilityLinks")) return "links";
  const last = field?.[1];
  return last && ["admissionDate", "ward", "bed", "investigationResult"].includes(last)
    ? (last as keyof FormValues)
    : null;
}

/**
 * 探访信息录入: what the visitor found (admission, ward, bed, diagnoses, investigation),
 * which policy liabilities the case touches (分案) and the payout account. Every save is
 * kept in the visit's history (保存 adds one entry); concluding sends the form's values
 * with the conclusion in one step.
 */
export function FindingsForm({ links }: { links: LinkValue[] }) {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [running, setRunning] = useState(false);
  const [concluding, setConcluding] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  // which button submitted the form: Save (undefined) or the conclusion picked in the dialog
  const conclusion = useRef<string | undefined>(undefined);
  if (!record) return null;
  const formId = `visit-findings-${record.id}`;
  const defaults: FormValues = {
    admissionDate: record.admissionDate ?? null,
    ward: record.ward ?? "",
    bed: record.bed ?? "",
    diagnosisText: ((record.diagnosisCodes as string[] | undefined) ?? []).join(", "),
    investigationResult: record.investigationResult ?? "",
    links,
    bankScheme: record.bankAccountScheme ?? null,
    bankNumber: "",
  };
  const validateDiagnoses = (text: string | undefined) => {
    const wrong = invalidDiagnosisCodes(parseDiagnosisCodes(text ?? ""));
    return wrong.length ? translate("clinigraph.findings.invalid_diagnosis", { codes: wrong.join(", ") }) : undefined;
  };
  const validateAccount = (number: string | undefined, values: FormValues) => {
    const problem = bankAccountProblem(values.bankScheme, number);
    return problem ? translate(problem) : undefined;
  };

  /** Saves (or concludes); the API's field errors come back to the inputs they concern. */
  async function send(values: FormValues): Promise<Record<string, string> | undefined> {
    if (!record) return undefined;
    const concludeAs = conclusion.current;
    setRunning(true);
    setServerError(null);
    const input = {
      id: record.id,
      expectedVersion: record.version,
      ...entryInput({ ...values, diagnosisCodes: parseDiagnosisCodes(values.diagnosisText ?? "") }),
      ...(concludeAs ? { conclusion: concludeAs } : {}),
    };
    try {
      const name = concludeAs ? "concludeVisit" : "saveVisitFindings";
      const result = await request<Record<string, { userErrors: UserError[] }>>(concludeAs ? CONCLUDE : SAVE_FINDINGS, {
        input,
      });
      const errors = result[name].userErrors;
      if (errors.length) {
        setServerError(errors.map((e) => e.message).join(" "));
        const byField: Record<string, string> = {};
        for (const error of errors) {
          const path = formPath(error.field);
          if (path) byField[path] = error.message;
        }
        return byField;
      }
      await queryClient.refetchQueries({ queryKey: ["visits", "getOne"] });
      await queryClient.invalidateQueries({ queryKey: ["visitEntry", record.id] });
      notify(concludeAs ? "clinigraph.findings.concluded" : "clinigraph.findings.saved", { type: "success" });
      return undefined;
    } catch (error) {
      setServerError(error instanceof Error ? error.message : translate("ra.notification.http_error"));
      return undefined;
    } finally {
      setRunning(false);
    }
  }

  return (
    <Card variant="outlined" sx={{ m: 2 }} data-testid="findings-form">
      <CardHeader title={translate("clinigraph.findings.title")} subheader={translate("clinigraph.findings.hint")} />
      <CardContent>
        {/* a new version (after a save) starts the form again from what the API kept */}
        <Form
          key={record.version}
          id={formId}
          defaultValues={defaults}
          record={{ id: record.id }}
          onSubmit={send}
          noValidate
        >
          <Box sx={{ display: "grid", gap: 1, gridTemplateColumns: { xs: "1fr", md: "repeat(3, 1fr)" } }}>
            <DateInput
              source="admissionDate"
              label="resources.visits.fields.admissionDate"
              helperText={<DateSaid source="admissionDate" withTime={false} />}
            />
            <TextInput source="ward" label="resources.visits.fields.ward" />
            <TextInput source="bed" label="resources.visits.fields.bed" />
          </Box>
          <TextInput
            source="diagnosisText"
            label="resources.visits.fields.diagnosisCodes"
            helperText={translate("clinigraph.findings.diagnosis_hint", { example: "S72.0, J18.9" })}
            validate={validateDiagnoses}
            fullWidth
          />
          <TextInput
            source="investigationResult"
            label="resources.visits.fields.investigationResult"
            multiline
            minRows={3}
            fullWidth
          />
          <LiabilityLinksInput patientId={String(record.patientId)} />
          <Box sx={{ display: "grid", gap: 1, mt: 2, gridTemplateColumns: { xs: "1fr", md: "1fr 2fr" } }}>
            <SelectInput
              source="bankScheme"
              label="resources.visits.fields.bankAccountScheme"
              choices={SCHEMES.map((id) => ({ id, name: translate(enumKey("BankAccountScheme", id)) }))}
              translateChoice={false}
            />
            <TextInput
              source="bankNumber"
              label="resources.visits.fields.bankAccount"
              validate={validateAccount}
              helperText={
                record.bankAccount
                  ? translate("clinigraph.findings.account_on_file", { account: record.bankAccount })
                  : "clinigraph.findings.account_hint"
              }
              slotProps={{ htmlInput: { dir: "ltr", autoComplete: "off", "data-testid": "bank-number" } }}
            />
          </Box>
          {serverError && (
            <Alert severity="error" sx={{ mt: 2 }} data-testid="findings-error">
              {serverError}
            </Alert>
          )}
          <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
            <Button
              type="submit"
              variant="contained"
              disabled={running}
              onClick={() => (conclusion.current = undefined)}
              data-testid="save-findings"
            >
              {translate("clinigraph.findings.save")}
            </Button>
            <Button
              variant="outlined"
              disabled={running}
              onClick={() => setConcluding(true)}
              data-testid="conclude-visit"
            >
              {translate("clinigraph.findings.conclude")}
            </Button>
          </Stack>
        </Form>
        {concluding && (
          <ConcludeDialog
            running={running}
            onCancel={() => setConcluding(false)}
            onConfirm={(picked) => {
              // the form's own submit, so its checks run and its errors show where they belong
              conclusion.current = picked;
              setConcluding(false);
              (document.getElementById(formId) as HTMLFormElement | null)?.requestSubmit();
            }}
          />
        )}
      </CardContent>
    </Card>
  );
}
