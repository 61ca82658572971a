import { useTranslation } from 'react-i18next';
import { AttachmentTable } from '../../components/AttachmentTable';
import { contractAttachmentUrl, useContractAttachments, useDeleteContractAttachment, useUploadContractAttachment } from './hooks';

/**
 * 合同附件: the signed copy and its annexes. They are filed in the customer's archive as 合同 attachments
 * too (docs/regulations.md §13 "original filed"). Files of a signed contract stay; only a draft's can be removed.
 */
export function ContractAttachments({ contractId, canUpload, canDelete }: { contractId: number; canUpload: boolean; canDelete: boolean }) {
  const { t } = useTranslation();
  return (
    <AttachmentTable
      messages="contracts.attachments"
      list={useContractAttachments(contractId)}
      upload={useUploadContractAttachment(contractId)}
      remove={useDeleteContractAttachment(contractId)}
      urlOf={(attachmentId) => contractAttachmentUrl(contractId, attachmentId)}
      canUpload={canUpload}
      canDelete={canDelete}
      hint={t('contracts.attachments.hint')}
    />
  );
}
