package dev.nodepulse.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The team's upstream payload samples (../shared/spec/samples next to the project). Tests read them in place
 * and skip where they are absent; override the location with -Dnodepulse.shared=DIR.
 */
public final class SharedSamples {

    private SharedSamples() {}

    public static Path dir() {
        String configured = System.getProperty("nodepulse.shared");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().resolve("spec/samples");
        }
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("spec/samples");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** The sample's text; the calling test is skipped when the shared directory or the file is missing. */
    public static String read(String name) {
        Path d = dir();
        assumeTrue(d != null && Files.isRegularFile(d.resolve(name)), "shared sample " + name + " not found; skipping");
        try {
            return Files.readString(d.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file under src/test/resources. */
    public static String resource(String name) {
        try (var in = SharedSamples.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalStateException("test resource missing: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
