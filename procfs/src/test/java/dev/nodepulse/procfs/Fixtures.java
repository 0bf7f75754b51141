package dev.nodepulse.procfs;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Test fixtures on the classpath. */
public final class Fixtures {

    private Fixtures() {}

    public static String text(String resource) throws IOException {
        try (InputStream in = Fixtures.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IOException("no fixture " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    public static Path path(String resource) {
        try {
            var url = Fixtures.class.getResource("/" + resource);
            if (url == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
