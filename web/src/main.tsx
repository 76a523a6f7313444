import "@utrecht/design-tokens/dist/theme.css";
import "@utrecht/component-library-css/dist/index.css";
import "./theme.css";
import "./app.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import { AuthProvider } from "./lib/auth.tsx";

const root = document.getElementById("root");
if (!root) throw new Error("element #root ontbreekt in index.html");
createRoot(root).render(
  <StrictMode>
    <AuthProvider>
      <App />
    </AuthProvider>
  </StrictMode>,
);
