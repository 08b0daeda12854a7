/** The overview's to-do list (contract/todo.ts). */
import type { TodoItem, TodoKind, TodoList } from '../../../../contract/todo';
import { request } from '../../lib/api';

export type { TodoItem, TodoKind, TodoList };

export const todoApi = {
  list: (signal?: AbortSignal) => request<TodoList>('GET', '/v1/todo', undefined, signal),
};
