// Calls of the documents area (src/areas/documents/openapi.yaml, "documents"), typed by the contract.
// A document belongs to an owner record: an action, an agreement, a joint commission session or an
// engagement. An action's are downloaded and removed at /documents/{id}, the others' at
// /record-documents/{id} (two shelves, ids of their own: docs/adr/0017).
import { call, fillPath } from '@/api/client'
import {
  kAgreementDocumentKinds,
  kDocumentKinds,
  kEngagementDocumentKinds,
  kSessionDocumentKinds,
  type Document,
  type DocumentAudience,
  type DocumentOwnerKind,
} from '@/api/types'

/** The extensions the server accepts (document_files.cpp); the file picker offers only these. */
export const kDocumentExtensions = ['pdf', 'png', 'jpg', 'jpeg', 'docx', 'xlsx', 'pptx', 'odt', 'ods', 'doc', 'xls', 'txt', 'csv'] as const

/** The record a document belongs to. */
export interface DocumentOwner {
  kind: DocumentOwnerKind
  id: number
}

/** The kinds of document each owner kind holds (document.hpp, kinds_of). */
export const kDocumentKindsOf: Readonly<Record<DocumentOwnerKind, readonly Document['kind'][]>> = {
  action: kDocumentKinds,
  agreement: kAgreementDocumentKinds,
  joint_commission: kSessionDocumentKinds,
  engagement: kEngagementDocumentKinds,
}

/** The permission kind of an owner kind's documents (/me, domain/permissions.cpp). */
export const kDocumentPermissionOf: Readonly<Record<DocumentOwnerKind, string>> = {
  action: 'documents',
  agreement: 'agreement_documents',
  joint_commission: 'joint_commission_documents',
  engagement: 'engagement_documents',
}

const kListPath = {
  action: '/api/v1/actions/{id}/documents',
  agreement: '/api/v1/agreements/{id}/documents',
  joint_commission: '/api/v1/joint-commissions/{id}/documents',
  engagement: '/api/v1/engagements/{id}/documents',
} as const

/** Every document of the owner the caller may read, newest first (not paged: 200 at most). */
export async function documentsOf(owner: DocumentOwner, signal?: AbortSignal): Promise<Document[]> {
  return (await call('get', kListPath[owner.kind], { params: { id: owner.id }, signal })).data.items
}

export interface DocumentUpload {
  file: File
  /** Without one, the server takes the file name without its extension. */
  title: string | null
  /** One of kDocumentKindsOf[owner.kind]; the server refuses another. */
  kind: Document['kind']
  audience: DocumentAudience
}

/**
 * Sends the file's bytes as the body, as the nomination import does. The server decides the media
 * type from the extension and checks the bytes, so the body goes as plain octets.
 */
export async function addDocument(owner: DocumentOwner, upload: DocumentUpload): Promise<Document> {
  const { data } = await call('post', kListPath[owner.kind], {
    params: { id: owner.id },
    // The kind is checked against the owner's list by the server (422 at `kind`).
    query: { file_name: upload.file.name, title: upload.title ?? undefined, kind: upload.kind as never, audience: upload.audience },
    file: { data: upload.file, type: 'application/octet-stream' },
  })
  return data
}

function onePath(document: Pick<Document, 'owner_kind'>) {
  return document.owner_kind === 'action' ? '/api/v1/documents/{id}' : '/api/v1/record-documents/{id}'
}

export async function deleteDocument(document: Pick<Document, 'id' | 'owner_kind'>): Promise<void> {
  await call('delete', onePath(document), { params: { id: document.id } })
}

/** A plain link: the browser sends the session cookie and saves the file under the server's name. */
export function documentUrl(document: Pick<Document, 'id' | 'owner_kind'>): string {
  return fillPath(onePath(document), { id: document.id })
}
