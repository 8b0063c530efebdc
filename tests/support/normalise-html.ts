// Markup compared by meaning, not by bytes: GOV.UK's Nunjucks output and React's renderToStaticMarkup differ in
// indentation, attribute order, entity spelling (&#39; / &#x27;) and boolean attributes (disabled / disabled="").
// normaliseHtml parses a fragment and prints it canonically: one element per line, attributes sorted, class names
// sorted, whitespace collapsed, whitespace-only text dropped. It handles the well-formed HTML of the govuk-frontend
// fixtures and of our components, and throws on anything else rather than guessing.

const VOID_ELEMENTS = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);
const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", ctdot: "\u22ef" };

type Node = { tag: string; attributes: [string, string][]; children: Node[] } | string;

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (_, entity: string) => {
    if (entity[0] === "#")
      return String.fromCodePoint(entity[1].toLowerCase() === "x" ? parseInt(entity.slice(2), 16) : Number(entity.slice(1)));
    const decoded = NAMED_ENTITIES[entity];
    if (decoded === undefined) throw new Error(`normaliseHtml: unknown entity &${entity};`);
    return decoded;
  });
}

function parse(html: string): Node[] {
  const root: Node[] = [];
  const stack: { tag: string; children: Node[] }[] = [{ tag: "", children: root }];
  const token =
    /<!--[\s\S]*?-->|<\/([a-zA-Z][\w-]*)\s*>|<([a-zA-Z][\w-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>|([^<]+)/g;
  let position = 0;
  for (let match = token.exec(html); match; match = token.exec(html)) {
    if (match.index !== position) throw new Error(`normaliseHtml: cannot read ${JSON.stringify(html.slice(position, position + 40))}`);
    position = token.lastIndex;
    const [whole, closing, opening, attributeText, selfClosing, text] = match;
    const parent = stack[stack.length - 1];
    if (whole.startsWith("<!--")) continue;
    if (text !== undefined) {
      parent.children.push(decodeEntities(text));
    } else if (closing !== undefined) {
      if (parent.tag !== closing.toLowerCase()) throw new Error(`normaliseHtml: </${closing}> closes <${parent.tag}>`);
      stack.pop();
    } else {
      const tag = opening.toLowerCase();
      const attributes: [string, string][] = [];
      for (const [, name, double, single, bare] of attributeText.matchAll(
        /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g,
      )) {
        attributes.push([name.toLowerCase(), decodeEntities(double ?? single ?? bare ?? "")]);
      }
      const element = { tag, attributes, children: [] as Node[] };
      parent.children.push(element);
      if (!VOID_ELEMENTS.has(tag) && !selfClosing) stack.push(element);
    }
  }
  if (position !== html.length || stack.length !== 1) throw new Error(`normaliseHtml: unclosed <${stack[stack.length - 1].tag}>`);
  return root;
}

function attributeValue(name: string, value: string): string {
  const collapsed = value.replace(/\s+/g, " ").trim();
  return name === "class" ? collapsed.split(" ").sort().join(" ") : collapsed;
}

function print(nodes: Node[], depth: number, lines: string[]) {
  const indent = "  ".repeat(depth);
  for (const node of nodes) {
    if (typeof node === "string") {
      const text = node.replace(/\s+/g, " ").trim();
      if (text !== "") lines.push(`${indent}${text}`);
      continue;
    }
    const attributes = node.attributes
      .filter(([name, value]) => !(name === "class" && value.trim() === ""))
      .map(([name, value]) => [name, attributeValue(name, value)])
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, value]) => (value === "" ? ` ${name}` : ` ${name}="${value}"`))
      .join("");
    lines.push(`${indent}<${node.tag}${attributes}>`);
    print(node.children, depth + 1, lines);
  }
}

/** A canonical, line-per-node form of an HTML fragment, for comparing markup in tests. */
export function normaliseHtml(html: string): string {
  const lines: string[] = [];
  print(parse(html), 0, lines);
  return lines.join("\n");
}
