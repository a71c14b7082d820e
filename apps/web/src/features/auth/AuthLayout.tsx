import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../layout/LanguageSwitcher';
import { BrandMark } from '../layout/BrandMark';

interface AuthLayoutProps {
  title: string;
  subtitle: string;
  children: ReactNode;
  footer: ReactNode;
}

/** Centered card used by the login and sign-up pages. */
export function AuthLayout({ title, subtitle, children, footer }: AuthLayoutProps) {
  const { t } = useTranslation();
  return (
    <div className="auth-screen">
      <header className="auth-header">
        <BrandMark />
        <LanguageSwitcher />
      </header>
      <main className="auth-main">
        <title>{`${title} · ${t('app.name')}`}</title>
        <section className="card auth-card" aria-labelledby="auth-title">
          <h1 id="auth-title" className="card-title">
            {title}
          </h1>
          <p className="muted">{subtitle}</p>
          {children}
        </section>
        <p className="auth-footer">{footer}</p>
      </main>
    </div>
  );
}
