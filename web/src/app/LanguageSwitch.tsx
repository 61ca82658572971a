import { CheckOutlined, DownOutlined, GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import type { MenuProps } from 'antd';
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../api/contract/platform';
import { LANGS, applyLanguage, currentLang } from '../i18n';
import { useSaveLocale, useSession } from '../modules/auth/hooks';

/**
 * 语言 / Language. Switching applies at once (texts, antd locale, dates), is remembered in this browser,
 * and — when signed in — stored on the account so the next sign-in uses it.
 */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const { data: user } = useSession();
  const saveLocale = useSaveLocale();
  const queryClient = useQueryClient();
  const lang = currentLang();
  // Controlled, so the menu is closed before the whole page re-renders in the new language.
  const [open, setOpen] = useState(false);

  const choose = async (next: Lang) => {
    setOpen(false);
    if (next === currentLang()) return;
    await applyLanguage(next);
    // The server renders notifications, the audit log and other texts in the reader's language: fetch them again.
    void queryClient.invalidateQueries();
    // Failing to store it on the account is not worth interrupting the user for: it still applies here.
    if (user) saveLocale.mutate(next);
  };

  const items: MenuProps['items'] = LANGS.map((l) => ({
    key: l,
    // Each language is named in itself, so anyone can find their own.
    label: <span lang={l}>{t(`lang.${l}`)}</span>,
    icon: l === lang ? <CheckOutlined /> : <span style={{ display: 'inline-block', width: 14 }} />,
  }));

  return (
    <Dropdown
      trigger={['click']}
      open={open}
      onOpenChange={setOpen}
      menu={{ items, selectable: true, selectedKeys: [lang], onClick: ({ key }) => void choose(key as Lang) }}
    >
      <Button type="text" aria-label={`${t('lang.label')}: ${t(`lang.${lang}`)}`} title={t('lang.label')} icon={<GlobalOutlined />}>
        {compact ? null : (
          <>
            {t(`lang.${lang}`)} <DownOutlined style={{ fontSize: 10 }} />
          </>
        )}
      </Button>
    </Dropdown>
  );
}
