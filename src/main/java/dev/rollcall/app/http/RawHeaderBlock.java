package dev.rollcall.app.http;

import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.util.DataChunk;

/**
 * The header lines of a request as they arrived, read from the bytes Grizzly parsed them from. Needed
 * because Grizzly drops a Content-Length header from the parsed headers when a later
 * {@code Transfer-Encoding: chunked} overrides it, so the parsed headers cannot say both were sent.
 * The bytes stay valid for the whole request: Grizzly's own header values point into them.
 */
final class RawHeaderBlock {
    /** Far above any header block Grizzly accepts (8 KiB by default); only a bound on the scan. */
    private static final int MAX_SCAN = 64 * 1024;

    private interface Bytes {
        int at(int index);
    }

    private RawHeaderBlock() {
    }

    /** Whether a header line named {@code name} (lower case) was sent; false when the bytes are not at hand. */
    static boolean sent(HttpRequestPacket request, String name) {
        DataChunk protocol = request.getProtocolDC();
        Bytes bytes;
        int from;
        int limit;
        if (protocol.getType() == DataChunk.Type.Bytes) {
            byte[] array = protocol.getByteChunk().getBuffer();
            bytes = i -> array[i];
            from = protocol.getByteChunk().getEnd();
            limit = array.length;
        } else if (protocol.getType() == DataChunk.Type.Buffer) {
            org.glassfish.grizzly.Buffer buffer = protocol.getBufferChunk().getBuffer();
            bytes = buffer::get;
            from = protocol.getBufferChunk().getEnd();
            limit = buffer.limit();
        } else {
            return false;
        }
        return scan(bytes, from, Math.min(limit, from + MAX_SCAN), name);
    }

    /** Walks the lines after the request line up to the empty line that ends the header block. */
    private static boolean scan(Bytes bytes, int from, int limit, String name) {
        int lineStart = skipLineEnd(bytes, from, limit);
        while (lineStart < limit) {
            int end = lineStart;
            while (end < limit && bytes.at(end) != '\n') {
                end++;
            }
            int contentEnd = end > lineStart && bytes.at(end - 1) == '\r' ? end - 1 : end;
            if (contentEnd == lineStart) {
                return false; // the empty line: end of the headers
            }
            if (names(bytes, lineStart, contentEnd, name)) {
                return true;
            }
            lineStart = end + 1;
        }
        return false;
    }

    private static int skipLineEnd(Bytes bytes, int at, int limit) {
        while (at < limit && bytes.at(at) != '\n') {
            at++;
        }
        return at + 1;
    }

    private static boolean names(Bytes bytes, int start, int end, String name) {
        if (end - start <= name.length()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.toLowerCase((char) (bytes.at(start + i) & 0xff)) != name.charAt(i)) {
                return false;
            }
        }
        int after = start + name.length();
        while (after < end && (bytes.at(after) == ' ' || bytes.at(after) == '\t')) {
            after++;
        }
        return after < end && bytes.at(after) == ':';
    }
}
