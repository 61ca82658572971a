import { Button, DatePicker, Flex, Form, Input, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stay } from '../../api/contract/stays';
import { useDialogSaveError } from '../../components/errors';
import { FormModal } from '../../components/FormModal';
import { formatDateTime } from '../../components/format';
import { LoadError } from '../../components/status';
import { useSession } from '../auth/hooks';
import { useMeetGuest, useRecordStay, useStays } from './hooks';

const MEETING_COLOR = { open: 'gold', late: 'red', met: 'green', met_late: 'orange', none: 'default' } as const;

interface StayForm {
  checkedInAt: Dayjs;
  checkedOutAt?: Dayjs | null;
  room?: string;
  bookingRef?: string;
  notes?: string;
}

/** The guest's stays (docs/regulations.md §9): record a stay, see the meeting deadline, record the meeting. */
export function StaysSection({ individualId, guestName }: { individualId: number; guestName: string }) {
  const { t } = useTranslation();
  const stays = useStays(individualId);
  const record = useRecordStay(individualId);
  const meet = useMeetGuest(individualId);
  const session = useSession();
  const can = !!session.data?.capabilities.includes('stays.record');
  const [adding, setAdding] = useState(false);
  const [meeting, setMeeting] = useState<Stay | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<StayForm>();
  const [meetForm] = Form.useForm<{ note?: string }>();
  const closeAdd = () => {
    setError(null);
    setAdding(false);
  };
  const closeMeet = () => {
    setError(null);
    setMeeting(null);
  };
  const onAddError = useDialogSaveError(form, setError, closeAdd);
  const onMeetError = useDialogSaveError(meetForm, setError, closeMeet);
  if (stays.isError && !stays.data) return <LoadError error={stays.error} onRetry={() => void stays.refetch()} />;

  const columns: TableColumnsType<Stay> = [
    { key: 'in', title: t('individuals.stays.checkedInAt'), dataIndex: 'checkedInAt', width: 150, render: (v: string) => formatDateTime(v) },
    { key: 'out', title: t('individuals.stays.checkedOutAt'), dataIndex: 'checkedOutAt', width: 150, render: (v: string | null) => formatDateTime(v) || '—' },
    { key: 'room', title: t('individuals.stays.room'), dataIndex: 'room', width: 80, render: (v: string | null) => v ?? '—' },
    { key: 'booking', title: t('individuals.stays.bookingRef'), dataIndex: 'bookingRef', width: 130, render: (v: string | null) => v ?? '—' },
    { key: 'meetBy', title: t('individuals.stays.meetBy'), dataIndex: 'meetBy', width: 150, render: (v: string | null) => formatDateTime(v) || '—' },
    {
      key: 'meeting',
      title: t('individuals.stays.meeting'),
      width: 200,
      render: (_, r) => (
        <Flex vertical gap={2}>
          <Tag color={MEETING_COLOR[r.meeting]} style={{ width: 'fit-content' }}>{t(`individuals.stays.states.${r.meeting}`)}</Tag>
          {r.metAt ? <Typography.Text type="secondary">{t('individuals.stays.metBy', { name: r.metByName ?? '', at: formatDateTime(r.metAt) })}</Typography.Text> : null}
          {r.meetingNote ? <Typography.Text type="secondary">{r.meetingNote}</Typography.Text> : null}
        </Flex>
      ),
    },
    { key: 'keeper', title: t('individuals.stays.keeper'), dataIndex: 'keeperName', width: 90, render: (v: string | null) => v ?? '—' },
    ...(can
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            width: 110,
            render: (_: unknown, r: Stay) =>
              r.meetBy && !r.metAt ? (
                <Button size="small" type="primary" onClick={() => setMeeting(r)} aria-label={`${t('individuals.stays.meet')} ${guestName} ${formatDateTime(r.checkedInAt)}`}>
                  {t('individuals.stays.meet')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={8}>
      {can ? (
        <Flex justify="flex-end">
          <Button onClick={() => setAdding(true)}>{t('individuals.stays.create')}</Button>
        </Flex>
      ) : null}
      <Table<Stay>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={stays.data?.items ?? []}
        loading={stays.isFetching}
        scroll={{ x: 1100 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('individuals.stays.empty') }}
      />
      <FormModal<StayForm>
        name="stayForm"
        title={t('individuals.stays.createTitle', { name: guestName })}
        open={adding}
        form={form}
        onCancel={closeAdd}
        error={error}
        loading={record.isPending}
        initialValues={{ checkedInAt: dayjs() }}
        onFinish={(v) =>
          record.mutate(
            { checkedInAt: v.checkedInAt.toISOString(), checkedOutAt: v.checkedOutAt ? v.checkedOutAt.toISOString() : null, room: v.room || null, bookingRef: v.bookingRef || null, notes: v.notes || null },
            { onSuccess: closeAdd, onError: onAddError },
          )
        }
      >
        <Form.Item label={t('individuals.stays.checkedInAt')} name="checkedInAt" rules={[{ required: true, message: t('individuals.stays.required') }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} autoFocus />
        </Form.Item>
        <Form.Item label={t('individuals.stays.checkedOutAt')} name="checkedOutAt">
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('individuals.stays.room')} name="room">
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item label={t('individuals.stays.bookingRef')} name="bookingRef">
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item label={t('individuals.stays.notes')} name="notes">
          <Input.TextArea maxLength={1000} rows={2} />
        </Form.Item>
      </FormModal>
      <FormModal<{ note?: string }>
        name="meetForm"
        title={t('individuals.stays.meetTitle', { name: guestName })}
        open={!!meeting}
        form={meetForm}
        onCancel={closeMeet}
        error={error}
        loading={meet.isPending}
        okText={t('individuals.stays.meet')}
        onFinish={(v) => meeting && meet.mutate({ stayId: meeting.id, note: v.note || null }, { onSuccess: closeMeet, onError: onMeetError })}
      >
        <Form.Item label={t('individuals.stays.meetingNote')} name="note">
          <Input.TextArea maxLength={1000} rows={3} autoFocus />
        </Form.Item>
      </FormModal>
    </Flex>
  );
}
