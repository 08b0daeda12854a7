import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorResponse, Id } from '../../../../contract/api';
import {
  DocumentEntry,
  DocumentList,
  DocumentsQuery,
  EligibleListPdfBody,
} from '../../../../contract/documents';
import type { Deps } from '../../deps';
import { asciiFileName } from '../../domain/documents/format';
import { requireActor } from '../../plugins/session';
import * as service from './documents.service';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
const IdParams = Type.Object({ id: Id });
const PdfBytes = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'application/pdf' });

/** RFC 6266: an ASCII fallback name and the UTF-8 name (RFC 5987 encoding). */
export function contentDisposition(fileName: string): string {
  const utf8 = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${asciiFileName(fileName)}"; filename*=UTF-8''${utf8}`;
}

export const documentRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.post(
    '/api/v1/people/:id/record-pdf',
    {
      schema: {
        tags: ['documents'],
        summary: 'Lập lý lịch khen thưởng của một người (văn bản có số, vào sổ văn bản)',
        params: IdParams,
        response: { 201: DocumentEntry, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.issueCommendationRecord(deps, requireActor(request), request.params.id)),
  );

  app.post(
    '/api/v1/eligibility/eligible-now/pdf',
    {
      schema: {
        tags: ['documents'],
        summary: 'Lập danh sách đủ điều kiện đề nghị khen thưởng dạng PDF (văn bản có số)',
        body: EligibleListPdfBody,
        response: { 201: DocumentEntry, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.issueEligibleList(deps, requireActor(request), request.body)),
  );

  app.get(
    '/api/v1/documents',
    {
      schema: {
        tags: ['documents'],
        summary: 'Sổ văn bản: các văn bản đã lập trong phạm vi của người dùng',
        querystring: DocumentsQuery,
        response: { 200: DocumentList, ...errors },
      },
    },
    async (request) => service.listDocuments(deps, requireActor(request), request.query),
  );

  app.get(
    '/api/v1/documents/:id',
    {
      schema: {
        tags: ['documents'],
        summary: 'Một văn bản trong sổ',
        params: IdParams,
        response: { 200: DocumentEntry, ...errors },
      },
    },
    async (request) => service.getDocument(deps, requireActor(request), request.params.id),
  );

  app.get(
    '/api/v1/documents/:id/pdf',
    {
      schema: {
        tags: ['documents'],
        summary: 'Tải văn bản PDF đúng như đã lập',
        params: IdParams,
        response: { 200: PdfBytes, ...errors },
      },
    },
    async (request, reply) => {
      const file = await service.documentFile(deps, requireActor(request), request.params.id);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', contentDisposition(file.fileName))
        .header('cache-control', 'private, no-store')
        .header('etag', `"${file.sha256}"`)
        .send(file.content);
    },
  );
};
