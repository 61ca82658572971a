import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  title: ReactNode;
  /** Browser tab title; defaults to `title` when it is a string. */
  documentTitle?: string;
  extra?: ReactNode;
  children: ReactNode;
}

/** Page heading (h2) with optional actions on the right; sets the document title. */
export function PageContainer({ title, documentTitle, extra, children }: Props) {
  const { t } = useTranslation();
  const docTitle = documentTitle ?? (typeof title === 'string' ? title : undefined);
  useEffect(() => {
    document.title = docTitle ? `${docTitle} - ${t('app.name')}` : t('app.fullName');
  }, [docTitle, t]);
  return (
    <div>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
          {title}
        </Typography.Title>
        {extra ? (
          <Flex gap={8} wrap>
            {extra}
          </Flex>
        ) : null}
      </Flex>
      {children}
    </div>
  );
}
