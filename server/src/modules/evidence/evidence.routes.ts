import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorResponse, Id } from '../../../../contract/api';
import { EvidenceList, EvidenceUploadResult, UPLOAD_HEADER } from '../../../../contract/files';
import type { Deps } from '../../deps';
import { requireActor } from '../../plugins/session';
import { validatorCompiler } from '../../plugins/validation';
import { stageUploads } from '../files/files.service';
import { readUploads, registerUploads, sendDownload, toUploadError } from '../files/files.http';
import * as service from './evidence.service';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
const Params = Type.Object({ personId: Id, initiativeId: Id });
const FileParams = Type.Object({ personId: Id, initiativeId: Id, fileId: Id });
const BASE = '/api/v1/people/:personId/initiatives/:initiativeId/evidence';

/** The upload's body, for the OpenAPI document; the handler reads it as a stream and checks every part. */
const UploadBody = Type.Object({
  file: Type.Array(Type.String({ format: 'binary' }), { minItems: 1, maxItems: 10 }),
});

/** Evidence files of a person's initiative. Multipart parsing is registered in this plugin only. */
export const evidenceRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  await registerUploads(app as never, deps);

  app.post(
    BASE,
    {
      schema: {
        tags: ['records'],
        summary: 'Tải lên tệp minh chứng của sáng kiến',
        description:
          `multipart/form-data with one or more file parts (at most 10); the header ` +
          `\`${UPLOAD_HEADER.name}: ${UPLOAD_HEADER.value}\` is required. The type is found in the bytes ` +
          `(PDF, JPEG, PNG, WebP, DOCX, XLSX, DOC, XLS) and must agree with the name's extension. ` +
          `201 when something was stored; 200 when every file was already attached.`,
        consumes: ['multipart/form-data'],
        params: Params,
        body: UploadBody,
        response: {
          200: EvidenceUploadResult,
          201: EvidenceUploadResult,
          ...errors,
          413: ErrorResponse,
          415: ErrorResponse,
        },
      },
      // The body is a stream read by the handler (stageUploads checks it); only the parameters are validated.
      validatorCompiler: (route) =>
        route.httpPart === 'body' ? () => ({ value: undefined }) : validatorCompiler(route),
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { personId, initiativeId } = request.params;
      await service.assertMayAttach(deps, actor, personId, initiativeId);
      let staged;
      try {
        staged = await stageUploads(deps, readUploads(request));
      } catch (e) {
        // Refused before the request was read to its end: say so, and do not wait for the rest.
        reply.header('connection', 'close');
        throw toUploadError(e);
      }
      try {
        const result = await service.attachEvidence(deps, actor, personId, initiativeId, staged);
        return await reply.status(result.created > 0 ? 201 : 200).send({ items: result.items });
      } finally {
        await staged.discard();
      }
    },
  );

  app.get(
    BASE,
    {
      schema: {
        tags: ['records'],
        summary: 'Danh sách tệp minh chứng của sáng kiến',
        params: Params,
        response: { 200: EvidenceList, ...errors },
      },
    },
    async (request) =>
      service.listEvidence(deps, requireActor(request), request.params.personId, request.params.initiativeId),
  );

  app.get(
    `${BASE}/:fileId`,
    {
      schema: {
        tags: ['records'],
        summary: 'Tải về một tệp minh chứng',
        description: 'The stored bytes, as an attachment, with the type found at upload.',
        params: FileParams,
        response: { 200: Type.Unknown({ description: 'the file' }), ...errors },
      },
    },
    async (request, reply) => {
      const { personId, initiativeId, fileId } = request.params;
      const file = await service.openEvidence(deps, requireActor(request), personId, initiativeId, fileId);
      return sendDownload(reply, file);
    },
  );

  app.delete(
    `${BASE}/:fileId`,
    {
      schema: {
        tags: ['records'],
        summary: 'Gỡ một tệp minh chứng khỏi sáng kiến',
        params: FileParams,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      const { personId, initiativeId, fileId } = request.params;
      await service.detachEvidence(deps, requireActor(request), personId, initiativeId, fileId);
      return reply.status(204).send(null);
    },
  );
};
