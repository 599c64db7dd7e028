// Calls of the documents area (src/areas/documents/openapi.yaml, "documents"), typed by the contract.
import { call, fillPath } from '@/api/client'
import type { Document, DocumentAudience, DocumentKind } from '@/api/types'

/** The extensions the server accepts (document_files.cpp); the file picker offers only these. */
export const kDocumentExtensions = ['pdf', 'png', 'jpg', 'jpeg', 'docx', 'xlsx', 'pptx', 'odt', 'ods', 'doc', 'xls', 'txt', 'csv'] as const

/** Every document of an action the caller may read, newest first (not paged: 200 at most). */
export async function documentsOf(actionId: number, signal?: AbortSignal): Promise<Document[]> {
  return (await call('get', '/api/v1/actions/{id}/documents', { params: { id: actionId }, signal })).data.items
}

export interface DocumentUpload {
  file: File
  /** Without one, the server takes the file name without its extension. */
  title: string | null
  kind: DocumentKind
  audience: DocumentAudience
}

/**
 * Sends the file's bytes as the body, as the nomination import does. The server decides the media
 * type from the extension and checks the bytes, so the body goes as plain octets.
 */
export async function addDocument(actionId: number, upload: DocumentUpload): Promise<Document> {
  const { data } = await call('post', '/api/v1/actions/{id}/documents', {
    params: { id: actionId },
    query: { file_name: upload.file.name, title: upload.title ?? undefined, kind: upload.kind, audience: upload.audience },
    file: { data: upload.file, type: 'application/octet-stream' },
  })
  return data
}

export async function deleteDocument(id: number): Promise<void> {
  await call('delete', '/api/v1/documents/{id}', { params: { id } })
}

/** A plain link: the browser sends the session cookie and saves the file under the server's name. */
export function documentUrl(id: number): string {
  return fillPath('/api/v1/documents/{id}', { id })
}
