import { Box } from "@mui/material";
import { LocalesMenuButton, Login, LoginForm } from "react-admin";

/** react-admin's login with the language switcher, so a user can read the form in their language. */
export function LoginPage() {
  return (
    <Login>
      <LoginForm />
      <Box sx={{ display: "flex", justifyContent: "center", pb: 2 }} data-testid="login-locale">
        <LocalesMenuButton />
      </Box>
    </Login>
  );
}
