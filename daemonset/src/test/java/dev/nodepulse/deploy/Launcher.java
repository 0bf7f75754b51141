package dev.nodepulse.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An image launcher (a heredoc of the Dockerfile, e.g. /opt/nodepulse/bin/nodepulse-agent) run here with sh:
 * JAVA_HOME is a local JDK of the image's release, NODEPULSE_HOME a directory holding the jars `mvn package`
 * built under the names the image gives them. So the JVM flags and the jar are exercised as the image runs them.
 */
final class Launcher {

    private final Path script;
    private final Path javaHome;
    private final Path home;

    private Launcher(Path script, Path javaHome, Path home) {
        this.script = script;
        this.javaHome = javaHome;
        this.home = home;
    }

    /** The launcher written to {@code imagePath}, with {@code javaHome}; the image's jars linked into a temp home. */
    static Launcher of(DockerfileModel dockerfile, String imagePath, Path javaHome) throws IOException {
        // deleteOnExit removes in reverse order of registration: the links and script, then home, then dir
        Path dir = Files.createTempDirectory("nodepulse-image");
        dir.toFile().deleteOnExit();
        Path script = dir.resolve(Path.of(imagePath).getFileName().toString());
        Path home = Files.createDirectories(dir.resolve("home"));
        home.toFile().deleteOnExit();
        Files.writeString(script, dockerfile.heredocAt(imagePath));
        script.toFile().deleteOnExit();
        for (DockerfileModel.Copy c : dockerfile.copies()) {
            if ("build".equals(c.from()) && c.destination().startsWith("/opt/nodepulse/")) {
                for (String src : c.sources()) {
                    Path built = Repo.built(relativeToBuildStage(dockerfile, src));
                    Path link = home.resolve(c.destination().substring("/opt/nodepulse/".length()));
                    Files.createSymbolicLink(link, built);
                    link.toFile().deleteOnExit();
                }
            }
        }
        return new Launcher(script, javaHome, home);
    }

    /** A source path of COPY --from=build as a path in this repository (the build stage copies the repo to WORKDIR). */
    static String relativeToBuildStage(DockerfileModel dockerfile, String src) {
        String workdir = dockerfile.stage("build").workdir;
        String prefix = workdir.endsWith("/") ? workdir : workdir + "/";
        if (!src.startsWith(prefix)) {
            throw new AssertionError("COPY --from=build " + src + " is outside the build stage's WORKDIR " + workdir);
        }
        return src.substring(prefix.length());
    }

    JarCli.Run run(List<String> args, Map<String, String> extraEnv) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("sh", script.toString()));
        cmd.addAll(args);
        return JarCli.exec(cmd, env(extraEnv));
    }

    ProcessBuilder processBuilder(List<String> args, Map<String, String> extraEnv) {
        List<String> cmd = new ArrayList<>(List.of("sh", script.toString()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env(extraEnv));
        return pb;
    }

    private Map<String, String> env(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put("JAVA_HOME", javaHome.toString());
        env.put("NODEPULSE_HOME", home.toString());
        env.put("JAVA_OPTS", "");
        env.putAll(extra);
        return env;
    }

    /** A JDK on this machine of feature release {@code release}: the running one, $JAVA_HOME, or /usr/lib/jvm/*. */
    static Optional<Path> localJdk(int release) {
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of(System.getProperty("java.home")));
        String env = System.getenv("JAVA_HOME");
        if (env != null && !env.isBlank()) {
            candidates.add(Path.of(env));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> s = Files.list(jvms)) {
                s.sorted().forEach(candidates::add);
            } catch (IOException ignored) {
                // no further candidates
            }
        }
        for (Path c : candidates) {
            if (Files.isExecutable(c.resolve("bin/java")) && release(c) == release) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    static int release(Path javaHome) {
        try {
            Matcher m = Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(Files.readString(javaHome.resolve("release")));
            return m.find() ? Integer.parseInt(m.group(1)) : -1;
        } catch (IOException e) {
            return -1;
        }
    }
}
