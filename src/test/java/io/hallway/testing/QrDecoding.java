package io.hallway.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** Reads a QR code back with ZXing, as a scanner would. */
public final class QrDecoding {

    private QrDecoding() {
    }

    /** The text of a QR code in a PNG. Generated codes are "pure": square, unrotated, with a quiet zone. */
    public static String decodePng(byte[] png) throws IOException, ReaderException {
        return decode(ImageIO.read(new ByteArrayInputStream(png)));
    }

    public static String decode(BufferedImage image) throws ReaderException {
        var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    }
}
