import { Card, CardContent, CardHeader } from "@mui/material";
import type { ReactNode } from "react";

export function ChartCard({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Card variant="outlined" sx={{ height: "100%" }} data-testid={testId}>
      <CardHeader title={title} slotProps={{ title: { variant: "subtitle1" } }} />
      <CardContent sx={{ height: 260 }} dir="ltr">
        {children}
      </CardContent>
    </Card>
  );
}
