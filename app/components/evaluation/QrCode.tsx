/** A QR code SVG from questionnaireLink (built by the qrcode package from our own URL, never from input). */
export function QrCode({ svg, url, poster = false }: { svg: string; url: string; poster?: boolean }) {
  return (
    <div
      className={poster ? "app-qr-code app-qr-code--poster" : "app-qr-code"}
      role="img"
      aria-label={`QR code for ${url}`}
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}
