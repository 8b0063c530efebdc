/** A QR code SVG from questionnaireLink (built by the qrcode package from our own URL, never from input). */
export function QrCode({ svg, url, size }: { svg: string; url: string; size: number }) {
  return (
    <div
      className="app-qr-code"
      role="img"
      aria-label={`QR code for ${url}`}
      style={{ width: size, height: size, background: "#fff" }}
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}
