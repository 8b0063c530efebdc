// One place for PDFs (pdfkit). Certificates are A4 with real, tagged text so screen readers and
// text extraction work, and carry a title and language in their metadata. pdfkit and qrcode are loaded on first use:
// together they take a third of a core-second to load, which a process that makes no PDF need not pay.

export type CertificatePage = {
  councilName: string;
  holderName: string;
  programmeName: string;
  /** Already formatted for people, e.g. "Monday 2 March 2026". */
  date: string;
  number: string;
  verifyUrl: string;
};

const BLACK = "#0b0c0c";
const BLUE = "#1d70b8";

function toBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.end();
  });
}

function drawCertificate(doc: PDFKit.PDFDocument, page: CertificatePage, qr: Buffer) {
  doc.addPage();
  const width = doc.page.width - 144;
  const section = doc.struct("Sect");
  doc.addStructure(section);
  const block = (tag: string, draw: () => void) => section.add(doc.struct(tag, {}, [draw]));

  doc
    .rect(36, 36, doc.page.width - 72, doc.page.height - 72)
    .lineWidth(3)
    .strokeColor(BLUE)
    .stroke();
  doc.fillColor(BLACK);
  block("P", () => doc.font("Helvetica-Bold").fontSize(16).text(page.councilName, 72, 110, { width, align: "center" }));
  block("H1", () => doc.font("Helvetica-Bold").fontSize(30).text("Certificate of attendance", 72, 170, { width, align: "center" }));
  block("P", () => doc.font("Helvetica").fontSize(14).text("This is to certify that", 72, 260, { width, align: "center" }));
  block("P", () => doc.font("Helvetica-Bold").fontSize(26).text(page.holderName, 72, 300, { width, align: "center" }));
  block("P", () =>
    doc
      .font("Helvetica")
      .fontSize(14)
      .text("attended", 72, doc.y + 14, { width, align: "center" }),
  );
  block("P", () =>
    doc
      .font("Helvetica-Bold")
      .fontSize(18)
      .text(page.programmeName, 72, doc.y + 14, { width, align: "center" }),
  );
  block("P", () =>
    doc
      .font("Helvetica")
      .fontSize(14)
      .text(`on ${page.date}`, 72, doc.y + 20, { width, align: "center" }),
  );
  block("P", () => doc.font("Helvetica").fontSize(11).text(`Certificate number: ${page.number}`, 72, 590, { width, align: "center" }));
  block("P", () => doc.font("Helvetica").fontSize(11).text("Check this certificate is genuine at:", 72, 615, { width, align: "center" }));
  block("Link", () =>
    doc
      .font("Helvetica")
      .fontSize(11)
      .fillColor(BLUE)
      .text(page.verifyUrl, 72, 635, { width, align: "center", link: page.verifyUrl, underline: true }),
  );
  // The same link as a QR code, so a paper copy can be checked with a phone.
  section.add(
    doc.struct("Figure", { alt: `QR code linking to ${page.verifyUrl}` }, [
      () => doc.image(qr, (doc.page.width - 100) / 2, doc.y + 10, { width: 100 }),
    ]),
  );
  doc.fillColor(BLACK);
  section.end();
}

/** One A4 PDF with a page per certificate. */
export async function renderCertificatesPdf(pages: CertificatePage[], title: string): Promise<Buffer> {
  const [{ default: PDFDocument }, { default: QRCode }] = await Promise.all([import("pdfkit"), import("qrcode")]);
  const doc = new PDFDocument({
    size: "A4",
    autoFirstPage: false,
    pdfVersion: "1.7",
    tagged: true,
    lang: "en-GB",
    displayTitle: true,
    margin: 72,
    info: { Title: title, Author: pages[0]?.councilName ?? "", Subject: "Certificate of attendance", Creator: "Outreach" },
  });
  for (const page of pages)
    drawCertificate(doc, page, await QRCode.toBuffer(page.verifyUrl, { type: "png", margin: 1, width: 180, errorCorrectionLevel: "M" }));
  return toBuffer(doc);
}

/** A download response for a PDF. */
export function pdfResponse(filename: string, pdf: Buffer): Response {
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
      "Cache-Control": "no-store",
    },
  });
}
