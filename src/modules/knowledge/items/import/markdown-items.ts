import { KNOWLEDGE_CATEGORIES, KnowledgeCategory } from '../../knowledge.constants';
import { assertImportSize, assertItemCount, categoryFromName, invalidImport, ParsedItem } from './import-source';

const CATEGORY_LINE = /^\s*(?:category|categoria)\s*:\s*(.*)$/i;
const TAGS_LINE = /^\s*(?:tags|etiquetas)\s*:\s*(.*)$/i;
const FENCE = /^\s*(```|~~~)/;

interface Section {
  line: number;
  title: string;
  category: KnowledgeCategory | null;
  categoryError: string | null;
  tags?: string[];
  body: string[];
}

function toItem(section: Section): ParsedItem {
  const errors: string[] = [];
  if (section.categoryError) errors.push(section.categoryError);
  else if (!section.category) errors.push('category is missing: add a "Category: x" line under the title or a "# Category" heading above it');
  const input: Record<string, unknown> = { title: section.title, content: section.body.join('\n').trim(), category: section.category };
  if (section.tags) input.tags = section.tags;
  return { ref: { line: section.line }, input, errors };
}

/**
 * Reads Markdown where each `## Title` starts an item and its text runs to the next heading of level 1 or 2.
 * The category comes from a `Category: x` (or `Categoria: x`) line right under the title, else from the `# Heading`
 * above it when that heading names a category (`# Preços`). Text outside any `##` section is ignored, and so
 * are headings inside code fences.
 */
export function parseMarkdownItems(markdown: string): ParsedItem[] {
  assertImportSize(markdown);
  const lines = markdown.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n').split('\n');
  const items: ParsedItem[] = [];
  let headingCategory: KnowledgeCategory | null = null;
  let section: Section | null = null;
  let fenced = false;
  const close = (): void => {
    if (section) items.push(toItem(section));
    section = null;
  };
  lines.forEach((text, index) => {
    if (FENCE.test(text)) fenced = !fenced;
    const heading = fenced ? null : /^(#{1,2})\s+(.*?)\s*#*\s*$/.exec(text);
    if (heading && heading[1] === '#') {
      close();
      headingCategory = categoryFromName(heading[2]);
    } else if (heading) {
      close();
      section = { line: index + 1, title: heading[2], category: headingCategory, categoryError: null, body: [] };
    } else if (section) {
      readSectionLine(section, text);
    }
  });
  close();
  if (items.length === 0) throw invalidImport('The Markdown has no "## Title" sections');
  assertItemCount(items.length);
  return items;
}

/** Metadata lines count only before the body starts; later they are content. */
function readSectionLine(section: Section, text: string): void {
  const inHeader = section.body.every((line) => line.trim().length === 0);
  const category = inHeader ? CATEGORY_LINE.exec(text) : null;
  const tags = inHeader ? TAGS_LINE.exec(text) : null;
  if (category) {
    section.category = categoryFromName(category[1]);
    section.categoryError = section.category ? null : `category "${category[1].trim()}" is unknown; use one of: ${KNOWLEDGE_CATEGORIES.join(', ')}`;
  } else if (tags) {
    section.tags = tags[1].split(/[;,]/).map((tag) => tag.trim()).filter((tag) => tag.length > 0);
  } else {
    section.body.push(text);
  }
}
