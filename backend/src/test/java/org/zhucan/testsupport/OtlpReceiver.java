package org.zhucan.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A real OTLP/HTTP trace receiver on 127.0.0.1, as small as an OpenTelemetry collector's endpoint needs to be for
 * a test: it accepts protobuf {@code ExportTraceServiceRequest}s on {@code /v1/traces}, answers with an empty
 * (successful) response, and keeps every body it got. A span's trace id is its 16 raw bytes in the body.
 */
public final class OtlpReceiver implements AutoCloseable {

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public record Received(String path, String contentType, byte[] body) {
    }

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    public static OtlpReceiver start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        OtlpReceiver receiver = new OtlpReceiver(server);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                receiver.received.add(new Received(exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Content-Type"), in.readAllBytes()));
            }
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return receiver;
    }

    public String tracesUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
    }

    /** Whether an export carried a span of this trace (32 hex digits). */
    public boolean receivedTrace(String traceIdHex) {
        byte[] traceId = HexFormat.of().parseHex(traceIdHex);
        return received.stream().anyMatch(export -> contains(export.body(), traceId));
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
