import { AttachmentTable } from '../../components/AttachmentTable';
import { proposalAttachmentUrl, useDeleteProposalAttachment, useProposalAttachments, useUploadProposalAttachment } from './hooks';

/** The files of a 客户提案表 (sketches, photos, calculations); only a draft's can be removed. */
export function ProposalAttachments({ proposalId, canUpload, canDelete }: { proposalId: number; canUpload: boolean; canDelete: boolean }) {
  return (
    <AttachmentTable
      messages="proposals.attachments"
      list={useProposalAttachments(proposalId)}
      upload={useUploadProposalAttachment(proposalId)}
      remove={useDeleteProposalAttachment(proposalId)}
      urlOf={(attachmentId) => proposalAttachmentUrl(proposalId, attachmentId)}
      canUpload={canUpload}
      canDelete={canDelete}
    />
  );
}
