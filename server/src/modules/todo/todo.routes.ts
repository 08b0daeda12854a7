import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ReadErrors } from '../../../../contract/api';
import { TodoList } from '../../../../contract/todo';
import type { Deps } from '../../deps';
import { requireActor } from '../../plugins/session';
import * as service from './todo.service';

/** "Việc cần làm": the signed-in user's to-do list for the overview. */
export const todoRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/v1/todo',
    {
      schema: {
        tags: ['todo'],
        summary: 'Việc cần làm của người dùng theo vai trò, trong phạm vi của họ',
        response: { 200: TodoList, ...ReadErrors },
      },
    },
    async (request) => service.todoList(deps, requireActor(request)),
  );
};
