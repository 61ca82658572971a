/** Notifications, tasks and the to-do home page, inferred from the server's zod schemas (docs/decisions/0006). */
import type { z } from 'zod';
import type * as s from '../../../../server/modules/workflow/workflow.schemas';
import type { Page } from './platform';

type Out<T extends z.ZodType> = z.output<T>;

export type RecordLink = Out<typeof s.recordLink>;
export type AppNotification = Out<typeof s.notificationOut>;
export type NotificationPage = Page<AppNotification> & { unread: number };
export type Task = Out<typeof s.taskOut>;
export type TaskStatus = Task['status'];
export type TaskComment = Out<typeof s.commentOut>;
export type TaskDetail = Out<typeof s.taskDetailOut>;
export type TaskPage = Page<Task>;
export type TodoItem = Out<typeof s.todoItemOut>;
export type TaskCreateInput = z.input<typeof s.taskCreateBody>;
export type TaskUpdateInput = z.input<typeof s.taskUpdateBody>;
export type Delivery = Out<typeof s.deliveryOut>;
export type OutboxState = Out<typeof s.outboxStateOut>;
