import { type Platform, paginated, serviceContext } from '@assay/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createProjectBody,
  listProjectsQuery,
  projectParams,
  projectView,
  updateProjectBody,
} from './contracts.ts';
import {
  createProject,
  deleteProject,
  getProject,
  listProjects,
  toProjectView,
  updateProject,
} from './service.ts';

export async function projectRoutes(app: FastifyInstance, platform: Platform) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['projects'];
  r.get(
    '/projects',
    {
      config: { permission: 'projects.view' },
      schema: {
        tags,
        summary: 'List projects',
        querystring: listProjectsQuery,
        response: { 200: paginated(projectView) },
      },
    },
    async (request) =>
      listProjects(serviceContext(request, platform.db), {
        size: request.query['page[size]'],
        cursor: request.query['page[cursor]'],
        q: request.query.q,
      }),
  );
  r.post(
    '/projects',
    {
      config: { permission: 'projects.create' },
      schema: { tags, summary: 'Create a project', body: createProjectBody, response: { 201: projectView } },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(toProjectView(await createProject(serviceContext(request, platform.db), request.body))),
  );
  r.get(
    '/projects/:id',
    {
      config: { permission: 'projects.view' },
      schema: { tags, summary: 'Get a project', params: projectParams, response: { 200: projectView } },
    },
    async (request) =>
      toProjectView(await getProject(serviceContext(request, platform.db), request.params.id)),
  );
  r.patch(
    '/projects/:id',
    {
      config: { permission: 'projects.edit' },
      schema: {
        tags,
        summary: 'Update a project',
        params: projectParams,
        body: updateProjectBody,
        response: { 200: projectView },
      },
    },
    async (request) =>
      toProjectView(
        await updateProject(serviceContext(request, platform.db), request.params.id, request.body),
      ),
  );
  r.delete(
    '/projects/:id',
    {
      config: { permission: 'projects.delete' },
      schema: { tags, summary: 'Delete a project', params: projectParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      const left = await deleteProject(
        serviceContext(request, platform.db),
        platform.storage,
        request.params.id,
      );
      if (left > 0) request.log.warn({ project: request.params.id, left }, 'project files left in storage');
      return reply.code(204).send(null);
    },
  );
}
