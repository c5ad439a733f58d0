package dev.rollcall.delivery;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads one HTTP/1.1 answer to a POST: the status line and headers (informational 1xx answers are
 * skipped), then the body by Content-Length, chunks or up to the end of the connection, keeping its
 * first {@value #HEAD_BYTES} bytes. A body longer than {@value #DRAIN_BYTES} more is not read to its
 * end: the connection is then not kept. {@code reusable} says whether the connection may carry the next request.
 */
record Http1Answer(int status, Optional<String> retryAfter, String head, boolean reusable) {
    static final int HEAD_BYTES = 1024;
    static final int DRAIN_BYTES = 64 * 1024;
    private static final int MAX_LINE = 8 * 1024;
    private static final int MAX_HEADERS = 100;

    /** Thrown when the connection ended before the first byte of an answer (a kept-alive one the receiver had closed). */
    static final class NothingAnswered extends IOException {
        private static final long serialVersionUID = 1L;

        NothingAnswered(String message) {
            super(message);
        }
    }

    static Http1Answer read(InputStream in) throws IOException {
        int first = in.read();
        if (first < 0) {
            throw new NothingAnswered("the receiver closed the connection without answering");
        }
        while (true) {
            String statusLine = (char) first + line(in);
            first = -1;
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP/1.x answer: " + clip(statusLine));
            }
            int status;
            try {
                status = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                throw new IOException("not an HTTP status: " + clip(statusLine));
            }
            Headers h = headers(in);
            if (status >= 100 && status < 200 && status != 101) {
                int next = in.read();
                if (next < 0) {
                    throw new EOFException("the connection ended after an informational answer");
                }
                first = next;
                continue;
            }
            boolean keep = status != 101 && !h.close && (parts[0].equals("HTTP/1.1") || h.keepAlive);
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            boolean complete;
            if (status == 204 || status == 304) {
                complete = true;
            } else if (h.chunked) {
                complete = chunks(in, head);
            } else if (h.length >= 0) {
                complete = h.length <= HEAD_BYTES + DRAIN_BYTES;
                copy(in, head, complete ? h.length : HEAD_BYTES, !complete);
            } else {
                copy(in, head, HEAD_BYTES + DRAIN_BYTES, true);
                complete = false; // the body ends with the connection
            }
            byte[] bytes = head.toByteArray();
            String text = new String(bytes, 0, Math.min(bytes.length, HEAD_BYTES), StandardCharsets.UTF_8);
            return new Http1Answer(status, Optional.ofNullable(h.retryAfter), text, keep && complete);
        }
    }

    /** Reads up to {@code n} bytes (exactly n unless {@code toEnd}, which stops quietly at the end), keeping the head. */
    private static void copy(InputStream in, ByteArrayOutputStream head, long n, boolean toEnd) throws IOException {
        byte[] buf = new byte[8192];
        long left = n;
        while (left > 0) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (r < 0) {
                if (toEnd) {
                    return;
                }
                throw new EOFException("the answer ended before its Content-Length");
            }
            int keep = Math.min(r, HEAD_BYTES - head.size());
            if (keep > 0) {
                head.write(buf, 0, keep);
            }
            left -= r;
        }
    }

    /** The chunks of a body; false when it ran past the drain limit (then the rest is left unread). */
    private static boolean chunks(InputStream in, ByteArrayOutputStream head) throws IOException {
        long total = 0;
        while (true) {
            String size = line(in);
            int semi = size.indexOf(';');
            long n;
            try {
                n = Long.parseLong((semi >= 0 ? size.substring(0, semi) : size).trim(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("a bad chunk size: " + clip(size));
            }
            if (n < 0) {
                throw new IOException("a bad chunk size: " + clip(size));
            }
            if (n == 0) {
                while (!line(in).isEmpty()) {
                    // trailers, dropped
                }
                return true;
            }
            if (total + n > HEAD_BYTES + DRAIN_BYTES) {
                return false;
            }
            copy(in, head, n, false);
            total += n;
            if (!line(in).isEmpty()) {
                throw new IOException("a chunk did not end with CRLF");
            }
        }
    }

    private static final class Headers {
        long length = -1;
        boolean chunked;
        boolean close;
        boolean keepAlive;
        String retryAfter;
    }

    private static Headers headers(InputStream in) throws IOException {
        Headers h = new Headers();
        for (int i = 0; ; i++) {
            String line = line(in);
            if (line.isEmpty()) {
                return h;
            }
            if (i >= MAX_HEADERS) {
                throw new IOException("more than " + MAX_HEADERS + " header lines");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("a bad header line: " + clip(line));
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> {
                    try {
                        h.length = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        throw new IOException("a bad Content-Length: " + clip(value));
                    }
                }
                case "transfer-encoding" -> h.chunked = value.toLowerCase(Locale.ROOT).endsWith("chunked");
                case "connection" -> {
                    String v = value.toLowerCase(Locale.ROOT);
                    h.close |= v.contains("close");
                    h.keepAlive |= v.contains("keep-alive");
                }
                case "retry-after" -> h.retryAfter = h.retryAfter == null ? value : h.retryAfter;
                default -> {
                }
            }
        }
    }

    /** One line without its CRLF (a bare LF ends one too), in ISO-8859-1. */
    private static String line(InputStream in) throws IOException {
        StringBuilder s = new StringBuilder(64);
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException("the answer ended in the middle of a line");
            }
            if (c == '\n') {
                int end = s.length();
                return end > 0 && s.charAt(end - 1) == '\r' ? s.substring(0, end - 1) : s.toString();
            }
            if (s.length() >= MAX_LINE) {
                throw new IOException("a header line longer than " + MAX_LINE + " bytes");
            }
            s.append((char) c);
        }
    }

    private static String clip(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
