package org.zhucan.testsupport;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The benchmarks' HTTP/1.1 client: a blocking request and response over a connection kept alive and
 * reused by the next request, as a browser or the mini-program's runtime does. The JDK's
 * {@code java.net.http.HttpClient} spent about 0.3 ms of CPU a request more than this one on the
 * two-core machine (its selector thread and asynchronous stages), which the server under test then
 * lacked; this one writes the same request (method, path, Host, Content-Type, Content-Length,
 * Authorization) and reads status, headers and body, fixed-length or chunked. Connections are
 * pooled, not per thread, so a run's threads leave none behind.
 */
public final class KeptAliveHttp {

    private static final String HOST = "127.0.0.1";

    private final int port;
    private final int readTimeoutMillis;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();

    /** A client of 127.0.0.1:port whose reads wait at most {@code timeout} for the server. */
    public KeptAliveHttp(int port, Duration timeout) {
        this.port = port;
        this.readTimeoutMillis = Math.toIntExact(timeout.toMillis());
    }

    /** A response's status and its body as text (UTF-8). */
    public record Response(int status, String body) {
    }

    public Response post(String path, Map<String, String> headers, String body) throws IOException {
        return exchange("POST", path, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    public Response get(String path) throws IOException {
        return exchange("GET", path, Map.of(), null);
    }

    private Response exchange(String method, String path, Map<String, String> headers, byte[] body) throws IOException {
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ").append(HOST)
                .append(':').append(port).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        byte[] request = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        Connection pooled = idle.pollFirst();
        if (pooled != null) {
            try {
                return send(pooled, request, body);
            } catch (StaleConnection closedWhileIdle) {
                // the server closed the kept-alive connection before reading the request (its keep-alive limits): the
                // request never reached it, so it goes again on a new connection
                pooled.close();
            }
        }
        try {
            return send(new Connection(HOST, port, readTimeoutMillis), request, body);
        } catch (StaleConnection closed) {
            throw new EOFException("the server closed a new connection without answering");
        }
    }

    private Response send(Connection connection, byte[] head, byte[] body) throws IOException {
        boolean reusable = false;
        try {
            try {
                connection.out.write(head);
                if (body != null) {
                    connection.out.write(body);
                }
                connection.out.flush();
            } catch (SocketException closed) {
                throw new StaleConnection();
            }
            String statusLine;
            try {
                statusLine = connection.line();
            } catch (SocketException reset) {
                throw new StaleConnection();
            }
            if (statusLine == null) {
                throw new StaleConnection();
            }
            if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
                throw new IOException("not an HTTP/1.1 status line: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String line = connection.line(); ; line = connection.line()) {
                if (line == null) {
                    throw new EOFException("the response ended in its headers");
                }
                if (line.isEmpty()) {
                    break;
                }
                int colon = line.indexOf(':');
                String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> close = value.equalsIgnoreCase("close");
                    default -> {
                    }
                }
            }
            ByteArrayOutputStream content = new ByteArrayOutputStream(length > 0 ? (int) length : 1024);
            if (chunked) {
                connection.readChunks(content);
            } else if (length >= 0) {
                connection.readExactly(content, length);
            } else {
                connection.in.transferTo(content);
                close = true;
            }
            reusable = !close;
            return new Response(status, content.toString(StandardCharsets.UTF_8));
        } finally {
            if (reusable) {
                idle.offerFirst(connection);
            } else {
                connection.close();
            }
        }
    }

    /** A kept-alive connection the server had closed: nothing of the request was read. */
    private static final class StaleConnection extends IOException {
        StaleConnection() {
            super("the kept-alive connection was closed by the server");
        }
    }

    private static final class Connection {

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Connection(String host, int port, int readTimeoutMillis) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 10_000);
            socket.setSoTimeout(readTimeoutMillis);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
        }

        /** A line without its CRLF, or null at the end of the stream before any byte of it. */
        String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int b = in.read(); ; b = in.read()) {
                if (b < 0) {
                    if (line.isEmpty()) {
                        return null;
                    }
                    throw new EOFException("the response ended inside a line");
                }
                if (b == '\n') {
                    int end = line.length();
                    return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
                }
                line.append((char) b);
            }
        }

        void readExactly(ByteArrayOutputStream into, long length) throws IOException {
            byte[] buffer = new byte[8192];
            for (long left = length; left > 0; ) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (read < 0) {
                    throw new EOFException("the response ended " + left + " bytes short");
                }
                into.write(buffer, 0, read);
                left -= read;
            }
        }

        void readChunks(ByteArrayOutputStream into) throws IOException {
            while (true) {
                String size = line();
                if (size == null) {
                    throw new EOFException("the response ended before its last chunk");
                }
                int extension = size.indexOf(';');
                long length = Long.parseLong((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
                if (length == 0) {
                    // trailers, if any (none is read), up to the empty line
                    String trailer = line();
                    while (trailer != null && !trailer.isEmpty()) {
                        trailer = line();
                    }
                    return;
                }
                readExactly(into, length);
                line();
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a socket that failed
            }
        }
    }
}
