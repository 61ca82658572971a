import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor } from '../../platform/permissions/actor';
import type { TodoItem, TodoProvider, TodoService } from './workflow.types';

/** Overdue first, then by due date (undated last), then by kind and title: a stable order on both databases. */
export function sortTodo(items: TodoItem[]): TodoItem[] {
  return [...items].sort(
    (a, b) =>
      Number(!!b.overdue) - Number(!!a.overdue) ||
      (a.dueDate ?? '9999-99-99').localeCompare(b.dueDate ?? '9999-99-99') ||
      a.kind.localeCompare(b.kind) ||
      a.title.localeCompare(b.title, 'zh-CN'),
  );
}

/**
 * The to-do home page (issue 4 §3): modules register providers (approvals waiting, tasks, later visits
 * due, complaints near their deadline, birthdays …); the page shows what they all return for the caller.
 */
export function createTodoService(deps: { db: Kysely<Database> }) {
  const providers = new Map<string, TodoProvider>();
  const service = {
    register(provider: TodoProvider) {
      if (providers.has(provider.key)) throw new Error(`Todo provider ${provider.key} is registered twice`);
      providers.set(provider.key, provider);
    },
    providers: () => [...providers.keys()],
    /** A provider that fails is left out (and reported through `onError`) rather than emptying the whole page. */
    async items(actor: Actor, today: string, onError?: (key: string, err: unknown) => void): Promise<TodoItem[]> {
      const lists = await Promise.all(
        [...providers.values()].map((p) =>
          p.items(deps.db, actor, today).catch((err: unknown) => {
            onError?.(p.key, err);
            return [] as TodoItem[];
          }),
        ),
      );
      return sortTodo(lists.flat());
    },
  };
  return service satisfies TodoService;
}
export type TodosService = ReturnType<typeof createTodoService>;
