/** Where a passage sits in its source: a page for PDF, a heading path for DOCX, Markdown and HTML. */
export interface SourceLocation {
  page?: number;
  headingPath?: string[];
}

/** A paragraph-sized piece of the document with its offsets into `ExtractedDocument.text`. */
export interface TextBlock {
  text: string;
  start: number;
  end: number;
  location: SourceLocation;
  kind: 'heading' | 'paragraph' | 'list-item' | 'table-cell';
}

/** A document's text as the engines read it. `text` is the blocks joined by blank lines. */
export interface ExtractedDocument {
  format: 'pdf' | 'docx' | 'markdown' | 'html' | 'text';
  text: string;
  blocks: TextBlock[];
  pageCount?: number;
  title?: string;
}

/** Renders a location for people: "page 4", "Access Control > Passwords", or "document". */
export function describeLocation(location: SourceLocation): string {
  const parts: string[] = [];
  if (location.page !== undefined) parts.push(`page ${location.page}`);
  if (location.headingPath?.length) parts.push(location.headingPath.join(' > '));
  return parts.join(', ') || 'document';
}
