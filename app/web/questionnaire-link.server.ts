// The address pupils open and its QR code, drawn as SVG on the server (no script, prints sharply).
import { env } from "~/utils/env.server";

export async function questionnaireLink(code: string) {
  const url = new URL(`/q/${code}`, env().APP_URL).toString();
  const { default: QRCode } = await import("qrcode"); // loaded on first use (see pdf.server.ts)
  const qrSvg = await QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { url, qrSvg };
}
