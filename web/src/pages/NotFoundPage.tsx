import { Paragraph } from "@utrecht/component-library-react";
import { PageHeading } from "../components/PageHeading.tsx";
import { RouterLink } from "../lib/router.tsx";

export function NotFoundPage() {
  return (
    <>
      <PageHeading title="Pagina niet gevonden">Pagina niet gevonden</PageHeading>
      <Paragraph>Deze pagina bestaat niet. Misschien is het adres verkeerd getypt.</Paragraph>
      <Paragraph>
        <RouterLink href="/">Naar de startpagina</RouterLink> of <RouterLink href="/producten">zoek een product</RouterLink>.
      </Paragraph>
    </>
  );
}
