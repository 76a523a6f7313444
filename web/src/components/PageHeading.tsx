import { Heading } from "@utrecht/component-library-react";
import type { ReactNode } from "react";
import { useTitle } from "../lib/router.tsx";

/**
 * The page's one h1. It can take focus (tabIndex -1), so after in-app navigation focus moves here and a screen
 * reader announces the new page; it also sets the window title.
 */
export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  useTitle(title);
  return (
    <Heading level={1} tabIndex={-1} className="kader-page-heading">
      {children}
    </Heading>
  );
}
