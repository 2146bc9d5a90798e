/**
 * The QR code a person shows: a standard QR code (byte mode, error correction M) holding the
 * signed token, as a PNG. Any reader decodes it; the tests decode it with zbarimg.
 */
import QRCode from 'qrcode';

export interface QrOptions {
  /** Pixels per module (default 6). */
  scale?: number;
  /** Quiet zone in modules (default 4, the standard's minimum). */
  margin?: number;
}

/** The PNG of a QR code holding `text`. */
export async function qrPng(text: string, options: QrOptions = {}): Promise<Buffer> {
  return QRCode.toBuffer(text, {
    type: 'png',
    errorCorrectionLevel: 'M',
    margin: options.margin ?? 4,
    scale: options.scale ?? 6,
  });
}
