package org.zhucan.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The text of a named test document, {@code graphql-test/<name>.graphql}: what
 * {@code documentName(name)} sends, for the clients that post raw JSON (the authorization matrix,
 * the N+1 guard) and so cannot name a document themselves.
 */
public final class TestDocuments {

    private TestDocuments() {
    }

    public static String named(String name) {
        String path = "graphql-test/" + name + ".graphql";
        try (InputStream in = TestDocuments.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test document " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
