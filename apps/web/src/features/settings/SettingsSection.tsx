import { useId, type ReactNode } from 'react';

interface SettingsSectionProps {
  title: string;
  description?: string;
  actions?: ReactNode;
  children: ReactNode;
}

/** A titled panel of a settings page. */
export function SettingsSection({ title, description, actions, children }: SettingsSectionProps) {
  const id = useId();
  return (
    <section className="panel stack" aria-labelledby={id}>
      <div className="panel-head">
        <div>
          <h2 id={id} className="panel-title">
            {title}
          </h2>
          {description && <p className="muted small">{description}</p>}
        </div>
        {actions}
      </div>
      {children}
    </section>
  );
}
