import { Button, Link, NavBar, NavList, NavListLink, Page, PageContent, PageFooter, PageHeader, Paragraph, SkipLink } from "@utrecht/component-library-react";
import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { ApiError } from "./lib/api.ts";
import { useAuth } from "./lib/auth.tsx";
import { complianceRoles, roleLabel, tenantLabel } from "./lib/labels.ts";
import { navigate, routeClick, useLocation } from "./lib/router.tsx";
import { AanbiedersPage } from "./pages/AanbiedersPage.tsx";
import { AccountsPage } from "./pages/AccountsPage.tsx";
import { ComparePage } from "./pages/ComparePage.tsx";
import { HomePage } from "./pages/HomePage.tsx";
import { LoginPage } from "./pages/LoginPage.tsx";
import { NotFoundPage } from "./pages/NotFoundPage.tsx";
import { ProductPage } from "./pages/ProductPage.tsx";
import { ProductenboekenPage } from "./pages/ProductenboekenPage.tsx";
import { SearchPage } from "./pages/SearchPage.tsx";
import { SignalenPage } from "./pages/SignalenPage.tsx";
import { careRoles } from "./lib/care-labels.ts";
import { focusPageHeading } from "./components/PageHeading.tsx";

/** The larger areas load when first visited, so the first page needs only the catalogue's code. */
const KwaliteitComposerPage = lazy(() => import("./pages/KwaliteitComposerPage.tsx").then((m) => ({ default: m.KwaliteitComposerPage })));
const KwaliteitKaderPage = lazy(() => import("./pages/KwaliteitKaderPage.tsx").then((m) => ({ default: m.KwaliteitKaderPage })));
const KwaliteitPage = lazy(() => import("./pages/KwaliteitPage.tsx").then((m) => ({ default: m.KwaliteitPage })));
const KwaliteitPvePage = lazy(() => import("./pages/KwaliteitPvePage.tsx").then((m) => ({ default: m.KwaliteitPvePage })));
const KwaliteitVersiePage = lazy(() => import("./pages/KwaliteitVersiePage.tsx").then((m) => ({ default: m.KwaliteitVersiePage })));
const KwaliteitZelfevaluatiePage = lazy(() => import("./pages/KwaliteitZelfevaluatiePage.tsx").then((m) => ({ default: m.KwaliteitZelfevaluatiePage })));
const BudgetPage = lazy(() => import("./pages/BudgetPage.tsx").then((m) => ({ default: m.BudgetPage })));
const ClientenPage = lazy(() => import("./pages/ClientenPage.tsx").then((m) => ({ default: m.ClientenPage })));
const ClientPage = lazy(() => import("./pages/ClientPage.tsx").then((m) => ({ default: m.ClientPage })));
const DeclaratiePage = lazy(() => import("./pages/DeclaratiePage.tsx").then((m) => ({ default: m.DeclaratiePage })));
const DeclaratiesPage = lazy(() => import("./pages/DeclaratiesPage.tsx").then((m) => ({ default: m.DeclaratiesPage })));
const WerklijstPage = lazy(() => import("./pages/WerklijstPage.tsx").then((m) => ({ default: m.WerklijstPage })));
const BerichtenPage = lazy(() => import("./pages/BerichtenPage.tsx").then((m) => ({ default: m.BerichtenPage })));
const ConversiePage = lazy(() => import("./pages/ConversiePage.tsx").then((m) => ({ default: m.ConversiePage })));
const ConversiesPage = lazy(() => import("./pages/ConversiesPage.tsx").then((m) => ({ default: m.ConversiesPage })));
const TariffBookPage = lazy(() => import("./pages/TariffBookPage.tsx").then((m) => ({ default: m.TariffBookPage })));
const TariffPage = lazy(() => import("./pages/TariffPage.tsx").then((m) => ({ default: m.TariffPage })));
const ToegangslogPage = lazy(() => import("./pages/ToegangslogPage.tsx").then((m) => ({ default: m.ToegangslogPage })));
const ProviderPage = lazy(() => import("./pages/ProviderPage.tsx").then((m) => ({ default: m.ProviderPage })));

function route(pathname: string) {
  if (pathname === "/") return <HomePage />;
  if (pathname === "/productenboeken") return <ProductenboekenPage />;
  if (pathname === "/producten") return <SearchPage />;
  const m = /^\/producten\/([^/]+)$/.exec(pathname);
  if (m) return <ProductPage id={decodeURIComponent(m[1]!)} />;
  if (pathname === "/vergelijken") return <ComparePage />;
  if (pathname === "/tarieven") return <TariffPage />;
  if (pathname === "/tarieven/productenboek") return <TariffBookPage />;
  if (pathname === "/inloggen") return <LoginPage />;
  if (pathname === "/accounts") return <AccountsPage />;
  if (pathname === "/toegangslog") return <ToegangslogPage />;
  if (pathname === "/aanbieders") return <AanbiedersPage />;
  const a = /^\/aanbieders\/([^/]+)$/.exec(pathname);
  if (a) return <ProviderPage agb={decodeURIComponent(a[1]!)} />;
  if (pathname === "/signalen") return <SignalenPage />;
  if (pathname === "/kwaliteit") return <KwaliteitPage />;
  const kk = /^\/kwaliteit\/kaders\/([^/]+)$/.exec(pathname);
  if (kk) return <KwaliteitKaderPage nr={decodeURIComponent(kk[1]!)} />;
  if (pathname === "/kwaliteit/programmas") return <KwaliteitPvePage />;
  const ze = /^\/kwaliteit\/programmas\/([^/]+)\/versies\/([0-9]+)\/aanbieders\/([0-9]{8})$/.exec(pathname);
  if (ze) return <KwaliteitZelfevaluatiePage id={decodeURIComponent(ze[1]!)} versie={ze[2]!} agb={ze[3]!} />;
  const kv = /^\/kwaliteit\/programmas\/([^/]+)\/versies\/([0-9]+)$/.exec(pathname);
  if (kv) return <KwaliteitVersiePage id={decodeURIComponent(kv[1]!)} versie={kv[2]!} />;
  const kp = /^\/kwaliteit\/programmas\/([^/]+)$/.exec(pathname);
  if (kp) return <KwaliteitComposerPage id={decodeURIComponent(kp[1]!)} />;
  // the care chain (issue 5)
  if (pathname === "/clienten") return <ClientenPage />;
  const cl = /^\/clienten\/([0-9]+)$/.exec(pathname);
  if (cl) return <ClientPage id={cl[1]!} />;
  if (pathname === "/werklijst") return <WerklijstPage />;
  if (pathname === "/declaraties") return <DeclaratiesPage />;
  const dc = /^\/declaraties\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(pathname);
  if (dc) return <DeclaratiePage agb={decodeURIComponent(dc[1]!)} wet={decodeURIComponent(dc[2]!)} nummer={decodeURIComponent(dc[3]!)} />;
  if (pathname === "/budget") return <BudgetPage />;
  if (pathname === "/berichten") return <BerichtenPage />;
  if (pathname === "/conversie") return <ConversiesPage />;
  const cv = /^\/conversie\/([0-9]+)$/.exec(pathname);
  if (cv) return <ConversiePage id={cv[1]!} />;
  return <NotFoundPage />;
}

function UserBar() {
  const auth = useAuth();
  const { pathname, href } = useLocation();
  const [message, setMessage] = useState("");
  const [error, setError] = useState<string | null>(null);
  const loginLink = useRef<HTMLAnchorElement>(null);
  const focusLogin = useRef(false);

  useEffect(() => {
    if (auth.status === "signed-out" && focusLogin.current) {
      focusLogin.current = false;
      loginLink.current?.focus();
    }
  }, [auth.status]);

  const logout = async () => {
    setError(null);
    try {
      await auth.logout();
      focusLogin.current = true;
      setMessage("U bent uitgelogd.");
      // pages with personal data are left behind
      if (/^\/(accounts|toegangslog|aanbieders|signalen|kwaliteit\/programmas|clienten|werklijst|declaraties|budget|berichten|conversie)(\/|$)/.test(pathname))
        navigate("/");
    } catch (e) {
      setError(e instanceof ApiError ? `Uitloggen mislukt: ${e.problem.title}` : "Uitloggen mislukt.");
    }
  };

  return (
    <div className="kader-userbar">
      {auth.status === "signed-in" && auth.user ? (
        <>
          <p data-testid="current-user">
            <span className="kader-visually-hidden">Ingelogd als </span>
            <strong>{auth.user.displayName}</strong> · <span data-testid="current-role">{roleLabel[auth.user.role] ?? auth.user.role}</span> ·{" "}
            <span data-testid="current-tenant">{tenantLabel(auth.user.tenant)}</span>
          </p>
          <Button appearance="secondary-action-button" className="kader-logout" onClick={logout}>
            Uitloggen
          </Button>
        </>
      ) : auth.status === "signed-out" && pathname !== "/inloggen" ? (
        <Link ref={loginLink} href={`/inloggen?terug=${encodeURIComponent(href)}`} onClick={routeClick}>
          Inloggen
        </Link>
      ) : null}
      <p role="status" className="kader-visually-hidden">
        {message}
      </p>
      {error ? <p role="alert">{error}</p> : null}
    </div>
  );
}

const navItems = [
  { href: "/", label: "Start" },
  { href: "/productenboeken", label: "Productenboeken" },
  { href: "/producten", label: "Producten zoeken" },
  { href: "/vergelijken", label: "Vergelijken" },
  { href: "/tarieven", label: "Tarieven" },
  { href: "/kwaliteit", label: "Kwaliteitskaders" },
];

export function App() {
  const { pathname } = useLocation();
  const auth = useAuth();
  const first = useRef(true);

  // after in-app navigation: to the top, and focus on the new page's heading (WCAG 2.4.3)
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on purpose whenever the path changes
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    focusPageHeading();
  }, [pathname]);

  const role = auth.user?.role;
  const items = [
    ...navItems,
    ...(role && complianceRoles.includes(role)
      ? [
          { href: "/aanbieders", label: "Aanbieders" },
          { href: "/signalen", label: "Signalen" },
        ]
      : []),
    ...(role === "contractmanager" || role === "aanbieder" || role === "controller" ? [{ href: "/kwaliteit/programmas", label: "Programma's van eisen" }] : []),
    ...(role && careRoles.includes(role)
      ? [
          { href: "/clienten", label: "Cliënten" },
          { href: "/werklijst", label: "Werklijst" },
          { href: "/declaraties", label: "Declaraties" },
          { href: "/budget", label: "Budget" },
          { href: "/berichten", label: "Berichten" },
        ]
      : []),
    ...(role === "contractmanager" || role === "toegang" || role === "controller" || role === "aanbieder" ? [{ href: "/conversie", label: "Conversie" }] : []),
    ...(role === "beheerder" ? [{ href: "/accounts", label: "Accounts" }] : []),
    ...(role === "beheerder" || role === "controller" ? [{ href: "/toegangslog", label: "Toegangslog" }] : []),
  ];
  const under = (href: string) => (href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`));
  // nested sections (/kwaliteit and /kwaliteit/programmas): only the most specific link is the current page
  const deepest = items.filter((i) => under(i.href)).sort((a, b) => b.href.length - a.href.length)[0]?.href;
  const current = (href: string) => href === deepest;

  return (
    <>
      <SkipLink href="#main">Naar de inhoud</SkipLink>
      <PageHeader>
        <div className="utrecht-page-header__content kader-header">
          <a className="kader-logo" href="/" onClick={routeClick}>
            Kader<span className="kader-tagline">productenboeken als controleerbare data</span>
          </a>
          <UserBar />
        </div>
        <NavBar className="kader-nav" aria-label="Hoofdmenu">
          <NavList>
            {items.map((i) => (
              <NavListLink key={i.href} href={i.href} onClick={routeClick} aria-current={current(i.href) ? "page" : undefined}>
                {i.label}
              </NavListLink>
            ))}
          </NavList>
        </NavBar>
      </PageHeader>
      <div className="kader-main-wrap">
        <Page>
          <PageContent>
            <main id="main" tabIndex={-1} className="utrecht-page-content__main kader-main">
              <Suspense fallback={<Paragraph role="status">Pagina laden…</Paragraph>}>{route(pathname)}</Suspense>
            </main>
          </PageContent>
        </Page>
      </div>
      <PageFooter className="kader-footer">
        <div className="utrecht-page-footer__content">
          <ul className="kader-footer-links">
            <li>
              <a href="/api/v1/docs">API-documentatie</a>
            </li>
            <li>
              <a href="/api/v1/openapi.json">OpenAPI-specificatie</a>
            </li>
            <li>
              <a href="/api/v1/export?format=xlsx" download="kader-producten.xlsx">
                Alle producten in Excel
              </a>
            </li>
          </ul>
          <Paragraph>Kader is open-source software voor gemeenten en aanbieders in het sociaal domein (Wmo 2015, Jeugdwet). Licentie EUPL-1.2.</Paragraph>
        </div>
      </PageFooter>
    </>
  );
}
