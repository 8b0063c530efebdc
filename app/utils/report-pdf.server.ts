// Reports as PDF (pdfkit): A4, tagged (headings, paragraphs, tables, figures with alternative text), the council's
// name and the report on every page, "Page n of N", and charts drawn as vector shapes from the same chart specs as
// the SVG on the page (app/utils/charts.ts). A text value in a chart (a suppressed count) is written, never drawn.
import { CHART, linearScale, niceMax, ticks, valueLabel, type BarChartSpec } from "./charts";
import { cellText, type ReportDocument, type ReportTable } from "./report-blocks";

const BLACK = "#0b0c0c";
const MARGIN = 56;
const SHADES = ["#0b0c0c", "#b1b4b6", "#ffffff", "#505a5f", "#dddddd", "#8d9194"];
const DASHES: ([number, number] | null)[] = [null, [6, 4], [2, 3]];

function toBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.end();
  });
}

const bottomOf = (doc: PDFKit.PDFDocument) => doc.page.height - MARGIN;
const contentWidth = (doc: PDFKit.PDFDocument) => doc.page.width - 2 * MARGIN;

/** A new page when `height` more points would not fit. */
function ensureRoom(doc: PDFKit.PDFDocument, height: number) {
  if (doc.y + height > bottomOf(doc)) doc.addPage();
}

function drawTable(doc: PDFKit.PDFDocument, section: PDFKit.PDFStructureElement, table: ReportTable) {
  const width = contentWidth(doc);
  const first = table.head.length > 1 ? width * 0.42 : width;
  const rest = table.head.length > 1 ? (width - first) / (table.head.length - 1) : 0;
  const xs = table.head.map((_, i) => (i === 0 ? MARGIN : MARGIN + first + rest * (i - 1)));
  const widths = table.head.map((_, i) => (i === 0 ? first : rest) - 6);
  const rowHeight = (cells: string[], bold: boolean) =>
    Math.max(...cells.map((c, i) => doc.font(bold || i === 0 ? "Helvetica-Bold" : "Helvetica").heightOfString(c, { width: widths[i] }))) +
    6;
  doc.fontSize(9);
  ensureRoom(doc, 40);
  section.add(doc.struct("Caption", {}, () => doc.font("Helvetica-Bold").fontSize(11).text(table.caption, MARGIN, doc.y, { width })));
  doc.moveDown(0.3);
  const tableElement = doc.struct("Table");
  section.add(tableElement);
  const drawRow = (cells: string[], header: boolean) => {
    doc.fontSize(9);
    const height = rowHeight(cells, header);
    if (doc.y + height > bottomOf(doc)) {
      doc.addPage();
      if (!header) drawRow(table.head, true); // the column headings again at the top of the page
    }
    const y = doc.y;
    const row = doc.struct("TR");
    tableElement.add(row);
    cells.forEach((cell, i) => {
      const bold = header || i === 0;
      row.add(
        doc.struct(header || i === 0 ? "TH" : "TD", {}, () =>
          doc
            .font(bold ? "Helvetica-Bold" : "Helvetica")
            .fontSize(9)
            .fillColor(BLACK)
            .text(cell, xs[i], y + 3, { width: widths[i], align: i === 0 ? "left" : "right" }),
        ),
      );
    });
    row.end();
    doc
      .moveTo(MARGIN, y + height)
      .lineTo(MARGIN + width, y + height)
      .lineWidth(header ? 1 : 0.5)
      .strokeColor(header ? BLACK : "#b1b4b6")
      .stroke();
    doc.x = MARGIN;
    doc.y = y + height;
  };
  drawRow(table.head, true);
  for (const r of table.rows) drawRow(r.map(cellText), false);
  tableElement.end();
  doc.moveDown(1);
}

/** The height a chart takes on the page, legend included. */
function chartHeight(doc: PDFKit.PDFDocument, spec: BarChartSpec) {
  const legendItems = spec.series.length + (spec.lines?.length ?? 0) + (spec.references?.length ?? 0);
  return (CHART.height + 14 + CHART.legendRow * Math.ceil(legendItems / 3)) * (contentWidth(doc) / CHART.width);
}

/** The chart of `spec` as vector shapes, scaled to the page: the same values, scale and ticks as the SVG. */
function drawChart(doc: PDFKit.PDFDocument, section: PDFKit.PDFStructureElement, spec: BarChartSpec) {
  const scale = contentWidth(doc) / CHART.width;
  const height = chartHeight(doc, spec);
  ensureRoom(doc, height + 30);
  section.add(doc.struct("H3", {}, () => doc.font("Helvetica-Bold").fontSize(11).fillColor(BLACK).text(spec.title, MARGIN, doc.y)));
  const top = doc.y + 4;
  const figure = doc.struct("Figure", { alt: `${spec.title}. ${spec.description}` }, () => {
    doc.save();
    doc.translate(MARGIN, top).scale(scale);
    const { width, left, right, top: plotTop, bottom } = CHART;
    const plotBottom = CHART.height - bottom;
    const plotRight = width - right;
    const numbers = [
      ...spec.series.flatMap((s) => s.values.filter((v): v is number => typeof v === "number")),
      ...(spec.lines ?? []).flatMap((l) => l.values.filter((v): v is number => v !== null)),
      ...(spec.references ?? []).map((r) => r.value),
    ];
    const max = niceMax(Math.max(numbers.every(Number.isInteger) ? 5 : 0, ...numbers));
    const y = linearScale(max, plotBottom, plotTop);
    const band = (plotRight - left) / Math.max(1, spec.categories.length);
    const barWidth = (band * 0.8) / Math.max(1, spec.series.length);
    doc.font("Helvetica").fontSize(10).fillColor(BLACK);
    for (const tick of ticks(max)) {
      doc.moveTo(left, y(tick)).lineTo(plotRight, y(tick)).lineWidth(0.7).strokeColor("#b1b4b6").stroke();
      doc.text(tick.toLocaleString("en-GB"), 0, y(tick) - 5, { width: left - 6, align: "right", lineBreak: false });
    }
    spec.categories.forEach((category, c) => {
      doc.text(category, left + c * band, plotBottom + 6, { width: band, align: "center" });
      spec.series.forEach((series, s) => {
        const value = series.values[c];
        if (value === null || value === undefined) return;
        const x = left + c * band + band * 0.1 + s * barWidth;
        if (typeof value === "number" && value > 0) {
          doc
            .rect(x, y(value), barWidth - 2, plotBottom - y(value))
            .lineWidth(1)
            .fillAndStroke(SHADES[s % SHADES.length], BLACK);
        }
        const labelY = (typeof value === "number" ? y(value) : plotBottom) - 12;
        doc
          .fillColor(BLACK)
          .fontSize(barWidth < 30 ? 8 : 10)
          .text(valueLabel(value), x - 10, labelY, { width: barWidth + 18, align: "center", lineBreak: false });
        doc.fontSize(10);
      });
    });
    (spec.lines ?? []).forEach((line, l) => {
      const points = line.values
        .map((v, c) => (v === null ? null : ([left + c * band + band / 2, y(v)] as const)))
        .filter((p): p is readonly [number, number] => p !== null);
      if (!points.length) return;
      const dash = DASHES[l % DASHES.length];
      doc.moveTo(...points[0]);
      for (const p of points.slice(1)) doc.lineTo(...p);
      if (dash) doc.dash(dash[0], { space: dash[1] });
      doc.lineWidth(2.5).strokeColor(BLACK).stroke().undash();
      for (const p of points) doc.circle(p[0], p[1], 3).fill(BLACK);
      const last = points.at(-1)!;
      doc.text(
        `${line.name}: ${line.values
          .filter((v) => v !== null)
          .at(-1)!
          .toLocaleString("en-GB")}`,
        plotRight + 6,
        last[1] - 4,
        {
          width: right - 8,
        },
      );
    });
    for (const reference of spec.references ?? []) {
      doc
        .moveTo(left, y(reference.value))
        .lineTo(plotRight, y(reference.value))
        .dash(10, { space: 4 })
        .lineWidth(2)
        .strokeColor(BLACK)
        .stroke();
      doc.undash();
      doc
        .font("Helvetica-Bold")
        .text(`${reference.name}: ${reference.value.toLocaleString("en-GB")}`, plotRight + 6, y(reference.value) - 12, {
          width: right - 8,
        });
      doc.font("Helvetica");
    }
    doc.moveTo(left, plotBottom).lineTo(plotRight, plotBottom).lineWidth(1.5).strokeColor(BLACK).stroke();
    const legend = [
      ...spec.series.map((s, i) => ({
        name: s.name,
        draw: (x: number, ly: number) => doc.rect(x, ly, 16, 11).fillAndStroke(SHADES[i % SHADES.length], BLACK),
      })),
      ...(spec.lines ?? []).map((l, i) => ({
        name: l.name,
        draw: (x: number, ly: number) => {
          const dash = DASHES[i % DASHES.length];
          doc.moveTo(x, ly + 6).lineTo(x + 16, ly + 6);
          if (dash) doc.dash(dash[0], { space: dash[1] });
          doc.lineWidth(2.5).strokeColor(BLACK).stroke().undash();
        },
      })),
      ...(spec.references ?? []).map((r) => ({
        name: r.name,
        draw: (x: number, ly: number) =>
          doc
            .moveTo(x, ly + 6)
            .lineTo(x + 16, ly + 6)
            .dash(10, { space: 4 })
            .lineWidth(2)
            .strokeColor(BLACK)
            .stroke()
            .undash(),
      })),
    ];
    legend.forEach((item, i) => {
      const x = left + (i % 3) * 190;
      const ly = CHART.height + 4 + CHART.legendRow * Math.floor(i / 3);
      item.draw(x, ly);
      doc.fillColor(BLACK).text(item.name, x + 22, ly, { width: 165, lineBreak: false });
    });
    doc.restore();
  });
  section.add(figure);
  doc.x = MARGIN;
  doc.y = top + height + 10;
}

/** One report as an A4 PDF. */
export async function renderReportPdf(report: ReportDocument): Promise<Buffer> {
  // Loaded on first use, as in pdf.server.ts: pdfkit takes a third of a core-second to load.
  const { default: PDFDocument } = await import("pdfkit");
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    bufferPages: true,
    pdfVersion: "1.7",
    tagged: true,
    lang: "en-GB",
    displayTitle: true,
    info: { Title: `${report.title}: ${report.councilName}`, Author: report.councilName, Subject: report.period, Creator: "Outreach" },
  });
  const section = doc.struct("Sect");
  doc.addStructure(section);
  const width = contentWidth(doc);
  section.add(
    doc.struct("P", {}, () => doc.font("Helvetica-Bold").fontSize(13).fillColor(BLACK).text(report.councilName, MARGIN, MARGIN, { width })),
  );
  section.add(doc.struct("H1", {}, () => doc.font("Helvetica-Bold").fontSize(24).text(report.title, { width })));
  section.add(doc.struct("P", {}, () => doc.font("Helvetica").fontSize(12).text(report.period, { width })));
  doc.moveDown(0.5);
  section.add(doc.struct("P", {}, () => doc.font("Helvetica-Oblique").fontSize(10).text(report.note, { width })));
  doc.moveDown(1);
  report.blocks.forEach((block, i) => {
    if (block.kind === "heading") {
      // A heading stays with what follows it: a chart, or the first rows of a table.
      const next = report.blocks[i + 1];
      ensureRoom(doc, 40 + (next?.kind === "chart" ? chartHeight(doc, next.spec) + 30 : 60));
      doc.moveDown(0.5);
      section.add(
        doc.struct("H2", {}, () => doc.font("Helvetica-Bold").fontSize(16).fillColor(BLACK).text(block.text, MARGIN, doc.y, { width })),
      );
      doc.moveDown(0.4);
    } else if (block.kind === "paragraph") {
      doc.font("Helvetica").fontSize(11);
      ensureRoom(doc, Math.min(doc.heightOfString(block.text, { width }), 200));
      section.add(
        doc.struct("P", {}, () => doc.font("Helvetica").fontSize(11).fillColor(BLACK).text(block.text, MARGIN, doc.y, { width })),
      );
      doc.moveDown(0.6);
    } else if (block.kind === "list") {
      const list = doc.struct("L");
      section.add(list);
      for (const item of block.items) {
        ensureRoom(doc, 14);
        list.add(
          doc.struct("LI", {}, () => doc.font("Helvetica").fontSize(10).fillColor(BLACK).text(`• ${item}`, MARGIN, doc.y, { width })),
        );
      }
      list.end();
      doc.moveDown(0.6);
    } else if (block.kind === "table") drawTable(doc, section, block.table);
    else drawChart(doc, section, block.spec);
  });
  section.end();
  // Running header and footer on every page, marked as pagination artefacts so screen readers skip them.
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.markContent("Artifact", { type: "Pagination" });
    doc.font("Helvetica").fontSize(8).fillColor("#505a5f");
    doc.text(`${report.councilName} · ${report.title} · ${report.period}`, MARGIN, 24, { width, lineBreak: false });
    doc.text(report.note, MARGIN, doc.page.height - 40, { width: width - 70, lineBreak: false, ellipsis: true });
    doc.text(`Page ${i - start + 1} of ${count}`, MARGIN + width - 70, doc.page.height - 40, {
      width: 70,
      align: "right",
      lineBreak: false,
    });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottomMargin;
  }
  doc.fillColor(BLACK);
  return toBuffer(doc);
}
