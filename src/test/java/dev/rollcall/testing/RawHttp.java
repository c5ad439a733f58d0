package dev.rollcall.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Bytes on a socket to 127.0.0.1, for requests no HTTP client will send (malformed targets and
 * headers, conflicting framing). Reads until the server closes the connection or goes quiet.
 */
public final class RawHttp {
    private RawHttp() {
    }

    /** One answer as read off the wire: the first response, and everything the server sent. */
    public record Answer(int status, Map<String, String> headers, String body, String wire, boolean closed) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        /** How many status lines the server wrote (a smuggled second request would add one). */
        public int responses() {
            return wire.split("HTTP/1\\.[01] \\d{3}", -1).length - 1;
        }
    }

    /** Sends {@code request} as ISO-8859-1 bytes (CRLFs included by the caller) and reads the answer. */
    public static Answer send(int port, String request) {
        return send(port, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * Sends {@code head} (request line and headers, CRLF-separated, no blank line) with
     * {@code Connection: close} and an optional UTF-8 body (its Content-Length added), e.g. a forged Host.
     */
    public static Answer send(int port, String head, String body) {
        byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        byte[] start = (head + "\r\nConnection: close\r\n"
                + (body == null ? "" : "Content-Length: " + payload.length + "\r\n") + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = new byte[start.length + payload.length];
        System.arraycopy(start, 0, request, 0, start.length);
        System.arraycopy(payload, 0, request, start.length, payload.length);
        return send(port, request);
    }

    public static Answer send(int port, byte[] request) {
        return sendInParts(port, List.of(request));
    }

    /** Sends each part in its own write, a moment apart, so the server reads them separately. */
    public static Answer sendInParts(int port, List<byte[]> parts) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(3000);
            socket.setTcpNoDelay(true);
            for (int i = 0; i < parts.size(); i++) {
                if (i > 0) {
                    pause();
                }
                socket.getOutputStream().write(parts.get(i));
                socket.getOutputStream().flush();
            }
            ByteArrayOutputStream in = new ByteArrayOutputStream();
            boolean closed = read(socket.getInputStream(), in);
            return parse(in.toString(StandardCharsets.UTF_8), closed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A kept-alive connection: one request, one response read to its Content-Length, and again. */
    public static final class Connection implements AutoCloseable {
        private final Socket socket;

        public Connection(int port) {
            try {
                socket = new Socket(InetAddress.getLoopbackAddress(), port);
                socket.setSoTimeout(10_000);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Writes without reading (a request whose body is still to come, say). */
        public void write(String bytes) {
            try {
                socket.getOutputStream().write(bytes.getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public Answer exchange(String request) {
            write(request);
            try {
                InputStream in = socket.getInputStream();
                ByteArrayOutputStream head = new ByteArrayOutputStream();
                while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                    int b = in.read();
                    if (b < 0) {
                        throw new IllegalStateException("connection closed before a response: " + head);
                    }
                    head.write(b);
                }
                Answer headers = parse(head.toString(StandardCharsets.ISO_8859_1), false);
                String length = headers.header("Content-Length");
                byte[] body = in.readNBytes(length == null ? 0 : Integer.parseInt(length));
                String wire = head.toString(StandardCharsets.ISO_8859_1) + new String(body, StandardCharsets.UTF_8);
                return parse(wire, false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(150);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True when the server closed the connection, false when it only went quiet. */
    private static boolean read(InputStream stream, ByteArrayOutputStream into) throws IOException {
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = stream.read(buffer)) >= 0; ) {
                into.write(buffer, 0, n);
            }
            return true;
        } catch (SocketTimeoutException quiet) {
            return false;
        }
    }

    private static Answer parse(String wire, boolean closed) {
        int headEnd = wire.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            throw new IllegalStateException("no complete response: " + wire);
        }
        String[] lines = wire.substring(0, headEnd).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        String rest = wire.substring(headEnd + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            return new Answer(status, headers, dechunk(rest), wire, closed);
        }
        int length = headers.containsKey("content-length") ? Integer.parseInt(headers.get("content-length")) : 0;
        String body = rest.substring(0, Math.min(length, rest.length()));
        return new Answer(status, headers, body, wire, closed);
    }

    /** The body of a chunked answer (sizes in hex, each chunk followed by CRLF, a 0 chunk at the end). */
    private static String dechunk(String rest) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < rest.length()) {
            int lineEnd = rest.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(rest.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            int start = lineEnd + 2;
            body.append(rest, start, Math.min(rest.length(), start + size));
            at = start + size + 2;
        }
        return body.toString();
    }
}
