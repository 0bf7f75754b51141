package dev.nodepulse.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The kustomizations a user applies (daemonset/ itself and every daemonset/overlays/NAME) and their committed
 * renders under daemonset/rendered/, which daemonset/render.sh writes with `kubectl kustomize`. The checks run
 * on the committed renders, so they run where kubectl is absent; where it is present, RenderIT fails when a
 * render is stale.
 */
final class Kustomizations {

    record Target(String name, Path dir) {

        Path rendered() {
            return Repo.daemonset().resolve("rendered").resolve(name + ".yaml");
        }

        Manifest manifest() {
            try {
                return Manifest.parse(name, Files.readString(rendered(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private Kustomizations() {}

    static Target base() {
        return new Target("base", Repo.daemonset());
    }

    static List<Target> all() {
        List<Target> out = new ArrayList<>();
        out.add(base());
        out.addAll(overlays());
        return out;
    }

    static List<Target> overlays() {
        Path dir = Repo.daemonset().resolve("overlays");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("kustomization.yaml")))
                    .sorted()
                    .map(p -> new Target(p.getFileName().toString(), p))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Target overlay(String name) {
        return overlays().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no overlay daemonset/overlays/" + name));
    }

    /** kubectl on the PATH (or -Dnodepulse.kubectl), if any. */
    static Optional<Path> kubectl() {
        String explicit = System.getProperty("nodepulse.kubectl");
        if (explicit != null && !explicit.isBlank()) {
            return Optional.of(Path.of(explicit));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, "kubectl");
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** `kubectl kustomize DIR`, exactly as render.sh runs it. */
    static String render(Path kubectl, Path dir) throws IOException, InterruptedException {
        Path out = Files.createTempFile("kustomize", ".yaml");
        Path err = Files.createTempFile("kustomize", ".err");
        try {
            Process p = new ProcessBuilder(kubectl.toString(), "kustomize", dir.toString())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + dir + " did not finish in 120 s");
            }
            if (p.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + dir + " failed: " + Files.readString(err));
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
