package dev.nodepulse.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where things are: the repository root (failsafe passes it), the manifests, the jars other modules built. */
final class Repo {

    private Repo() {}

    static Path root() {
        return Path.of(System.getProperty("nodepulse.root", "..")).toAbsolutePath().normalize();
    }

    static Path daemonset() {
        return root().resolve("daemonset");
    }

    static Path agentJar() {
        return built("agent/target/nodepulse-agent.jar");
    }

    /** A file `mvn package` makes; the reactor packages every module this one depends on before its tests. */
    static Path built(String relative) {
        Path p = root().resolve(relative);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException(p + " is missing: these tests run in `mvn verify` after the other modules are packaged");
        }
        return p;
    }
}
