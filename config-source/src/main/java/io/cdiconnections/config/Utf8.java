package io.cdiconnections.config;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding with an optional byte order mark, so that a file saved in another
 * encoding is reported at the offending position instead of being misread.
 */
final class Utf8 {

    private Utf8() {
    }

    /**
     * Decodes the content of a secrets file.
     *
     * @throws SecretsException naming the line and column of the first byte that is not UTF-8
     */
    static String decode(byte[] bytes, String file) {
        int start = hasByteOrderMark(bytes) ? 3 : 0;
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int[] position = position(bytes, start, in.position());
            throw new SecretsException(Messages.notUtf8(file, position[0], position[1]),
                    file, position[0], position[1]);
        }
        return out.flip().toString();
    }

    private static boolean hasByteOrderMark(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF;
    }

    /** Line and column (in characters) of the byte at {@code offset}. */
    private static int[] position(byte[] bytes, int start, int offset) {
        int line = 1;
        int lineStart = start;
        for (int i = start; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8).length() + 1;
        return new int[] {line, column};
    }
}
